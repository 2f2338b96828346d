// Prints the JavaScript a first paint needs: the page's entry chunk and every chunk it imports statically
// (dynamic imports — panels, effects, exporters loaded on demand — are left out), raw and gzip, against the
// 800 KB gzip budget. Also written to .bench/first-paint.json for README's measured table.
import { gzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Plugin } from 'vite';

export const FIRST_PAINT_BUDGET_GZIP = 800 * 1024;

export interface FirstPaint {
  chunks: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

export function firstPaintSize(): Plugin {
  return {
    name: 'previs-first-paint-size',
    apply: 'build',
    generateBundle(_opts, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const seen = new Set<string>();
      const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const c = byFile.get(file);
        if (c?.type === 'chunk') for (const i of c.imports) visit(i);
      };
      for (const c of chunks) if (c.type === 'chunk' && c.isEntry && c.facadeModuleId?.endsWith('index.html')) visit(c.fileName);
      if (!seen.size) for (const c of chunks) if (c.type === 'chunk' && c.isEntry) visit(c.fileName);
      const list = [...seen].map((file) => {
        const c = byFile.get(file)!;
        const code = c.type === 'chunk' ? c.code : '';
        return { file, bytes: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
      });
      const r: FirstPaint = { chunks: list, bytes: list.reduce((n, c) => n + c.bytes, 0), gzip: list.reduce((n, c) => n + c.gzip, 0) };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const verdict = r.gzip <= FIRST_PAINT_BUDGET_GZIP ? 'within' : 'OVER';
      this.info(`first-paint JS: ${kb(r.bytes)} (${kb(r.gzip)} gzip) in ${list.length} chunks — ${verdict} the ${kb(FIRST_PAINT_BUDGET_GZIP)} gzip budget`);
      console.log(`first-paint JS: ${kb(r.bytes)} raw, ${kb(r.gzip)} gzip (${list.length} chunks; budget ${kb(FIRST_PAINT_BUDGET_GZIP)} gzip: ${verdict})`);
      mkdirSync('.bench', { recursive: true });
      writeFileSync('.bench/first-paint.json', JSON.stringify(r, null, 1));
    },
  };
}
