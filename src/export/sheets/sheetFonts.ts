// The sheet fonts in the browser: Vite copies the two Noto Sans faces out of their npm package into the
// build, and they are fetched from the app's own origin (no CDN) the first time a PDF is written, then kept.
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import type { SheetFonts } from '../../core/export/pdf/sheetFonts';

let loading: Promise<SheetFonts> | null = null;

async function fetchFont(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`PDF font ${url} could not be loaded (HTTP ${r.status})`);
  return new Uint8Array(await r.arrayBuffer());
}

export function loadSheetFonts(): Promise<SheetFonts> {
  loading ??= Promise.all([fetchFont(regularUrl), fetchFont(boldUrl)]).then(([regular, bold]) => ({ regular, bold }));
  // a failed load is not cached: the next export tries again
  loading.catch(() => (loading = null));
  return loading;
}
