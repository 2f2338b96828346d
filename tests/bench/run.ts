// npm run bench: runs every tests/bench/*.bench.ts in one process, prints one table of variants side by
// side (ratios, since the machines are shared and noisy) and writes .bench/results.json.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow, BenchContext } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run bench [-- [NAME…] [--only NAME[,NAME…]] [--quick]]
Runs each tests/bench/NAME.bench.ts and prints a table of variants side by side with ratios.
Browser benches need a built app (npm run build) and /usr/bin/chromium.
  NAME          run only these benches (file names without .bench.ts),
  --only NAME   e.g. npm run bench -- animatic --quick
  --quick       fewer repetitions (for a smoke run)
Writes .bench/results.json.`);
  process.exit(0);
}
const onlyArg = args.find((a, i) => args[i - 1] === '--only') ?? args.find((a) => a.startsWith('--only='))?.slice(7);
const named = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--only');
const only = onlyArg || named.length ? new Set([...(onlyArg ? onlyArg.split(',') : []), ...named]) : null;
const ctx: BenchContext = {
  quick: args.includes('--quick'),
  async median(fn, n) {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  },
};

const files = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
const unknown = [...(only ?? [])].filter((n) => !files.includes(`${n}.bench.ts`));
if (unknown.length) {
  console.error(`no bench named ${unknown.join(', ')} (there are: ${files.map((f) => f.replace(/\.bench\.ts$/, '')).join(', ')})`);
  process.exit(2);
}
const rows: BenchRow[] = [];
const failures: string[] = [];
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  if (only && !only.has(name)) continue;
  process.stderr.write(`bench ${name}…\n`);
  try {
    const mod = (await import(pathToFileURL(join(here, f)).href)) as { default: (c: BenchContext) => Promise<BenchRow[]> };
    rows.push(...(await mod.default(ctx)).map((r) => ({ ...r, bench: r.bench ?? name })));
  } catch (e) {
    failures.push(`${name}: ${(e as Error).stack ?? e}`);
  }
}

const fmt = (v: number | undefined) => (v === undefined ? '' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
const table = [['bench', 'variant', 'metric', 'value', 'unit', 'ratio', 'goal', 'note']].concat(
  rows.map((r) => [r.bench ?? '', r.variant, r.metric, fmt(r.value), r.unit, r.ratio === undefined ? '' : `${fmt(r.ratio)}×`, r.goal ?? '', r.note ?? '']),
);
const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
for (const row of table) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
mkdirSync('.bench', { recursive: true });
writeFileSync('.bench/results.json', JSON.stringify({ at: new Date().toISOString(), rows, failures }, null, 1));
if (failures.length) {
  console.error(`\n${failures.length} bench(es) failed:\n${failures.join('\n')}`);
  process.exit(1);
}
