// npm run deage -- INPUT --years N --out OUT.png — de-ages the largest face in a still, headless, through the
// same job code the app's de-age worker runs (runDeageJob: track → deageFrame → encode), on ORT's WASM backend.
// Exit status: 0 written; 1 failed; 2 usage error or no face found.
import { readFile, writeFile } from 'node:fs/promises';
import { getRuntime } from '../effects/runtime';
import { runtimeRunner } from '../effects/deage/runtimeRunner';
import { runDeageJob } from '../effects/deage/job';
import { FaceNotFoundError } from '../effects/deage/face/track';
import { DEFAULT_PARAMS, DeageParams } from '../effects/deage/params';
import { decodeStillBytes, StillReadError } from './stillFile';

const HELP = `Usage: npm run deage -- INPUT --years N --out OUTPUT.png [--json]

De-ages the largest face in a still (PNG or JPEG) with the procedural de-age
graph the app ships (no learned re-aging weights), through the same pipeline
and job code as the app's de-age worker. Everything outside the face mask is
copied byte for byte.

Options:
  --years N     how much younger the face should read, 0–30 (default ${DEFAULT_PARAMS.yearsYounger})
  --out FILE    where to write the PNG (required)
  --json        print what ran (timings, changed box, models) as JSON
  -h, --help    show this help

Exit status: 0 written; 1 the run failed; 2 usage error, unreadable input,
or no face found.`;

interface Args {
  input: string;
  out: string;
  years: number;
  json: boolean;
}

export function parseDeageArgs(argv: string[]): Args | 'help' | string {
  let input: string | null = null;
  let out: string | null = null;
  let years = DEFAULT_PARAMS.yearsYounger;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-h' || a === '--help') return 'help';
    if (a === '--json') json = true;
    else if (a === '--years') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0 || v > 30) return `--years needs a number from 0 to 30 (got "${argv[i] ?? ''}")`;
      years = v;
    } else if (a === '--out') {
      out = argv[++i] ?? null;
      if (!out) return '--out needs a file name';
    } else if (a.startsWith('-')) return `unknown option ${a}`;
    else if (input) return `one input at a time (got "${input}" and "${a}")`;
    else input = a;
  }
  if (!input) return 'no input file given';
  if (!out) return 'no output file given (--out OUTPUT.png)';
  return { input, out, years, json };
}

async function main(argv: string[]): Promise<number> {
  const args = parseDeageArgs(argv);
  if (args === 'help') {
    console.log(HELP);
    return 0;
  }
  if (typeof args === 'string') {
    console.error(`deage: ${args}\n\n${HELP}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(args.input));
  } catch (e) {
    console.error(`deage: cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const runner = runtimeRunner(getRuntime(), 'wasm');
  try {
    const plate = decodeStillBytes(args.input, bytes);
    const params = DeageParams.parse({ ...DEFAULT_PARAMS, yearsYounger: args.years });
    const out = await runDeageJob(runner, { frames: [plate], frameCount: 1, fps: 24, params, learned: null, video: false });
    await writeFile(args.out, out.bytes);
    const summary = {
      input: args.input,
      output: args.out,
      yearsAsked: args.years,
      method: 'procedural, no learned re-aging weights',
      models: [...new Set(out.reports.map((r) => `${r.modelId}`))],
      changedBox: out.bounds,
      effectMs: Math.round(out.effectMs[0] ?? 0),
    };
    if (args.json) console.log(JSON.stringify(summary, null, 2));
    else console.log(`deage: wrote ${args.out} (${args.years} years asked; procedural, no learned re-aging weights; face box ${out.bounds.join(',')}; ${summary.effectMs} ms)`);
    return 0;
  } catch (e) {
    if (e instanceof FaceNotFoundError) {
      console.error(`deage: no face found in ${args.input}: ${e.message}. Nothing was written.`);
      return 2;
    }
    if (e instanceof StillReadError) {
      console.error(`deage: ${e.message}. Nothing was written.`);
      return 2;
    }
    console.error(`deage: failed: ${(e as Error).message}. Nothing was written.`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
