// The shipped sheet fonts read from node_modules, for tests and Node tools (the app fetches the same files).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NOTO_SANS_FILES, type SheetFonts } from './sheetFonts';

const require = createRequire(import.meta.url);

export function nodeSheetFonts(): SheetFonts {
  return {
    regular: new Uint8Array(readFileSync(require.resolve(NOTO_SANS_FILES.regular))),
    bold: new Uint8Array(readFileSync(require.resolve(NOTO_SANS_FILES.bold))),
  };
}
