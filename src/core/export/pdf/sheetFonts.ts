// The fonts a sheet's text is set in, as bytes (the core reads no files: the app fetches them from its own
// origin, Node tests and tools read them from node_modules). Noto Sans (SIL OFL 1.1) covers Latin with its
// extensions, Greek and Cyrillic; it has no CJK glyphs. A CJK face (e.g. Noto Sans JP/SC) may be given as the
// fallback; without one, a character no font has prints as "?" and is listed in the sheet's substitutions.
export type PdfFont = 'regular' | 'bold';

export interface SheetFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  /** optional: a face tried for characters the sheet font lacks (CJK) */
  fallback?: Uint8Array;
}

/** Where the shipped faces sit inside their npm package (@expo-google-fonts/noto-sans, Google Fonts' build). */
export const NOTO_SANS_FILES: Record<PdfFont, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};
