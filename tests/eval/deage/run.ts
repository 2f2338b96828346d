// npm run eval:deage — the de-age effect measured on 40 public-domain faces it was not built on
// (tests/fixtures/faces-eval), split once into a tuning and an evaluation set (faces.json). For every face:
// the input, a plain bilateral skin-smoothing baseline and the effect, each measured by two independent
// estimators (faceres; face-api's age and recognition nets): age change against the input and against the
// baseline, identity distance, and change in the regions that must not change. Writes per-face JSON, a
// Markdown table of medians and before/after sheets under --out. Reports the evaluation set as the result.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuntime } from '../../../src/effects/runtime';
import { runtimeRunner } from '../../../src/effects/deage/runtimeRunner';
import { FaceTracker } from '../../../src/effects/deage/face/track';
import { deageFrame, prepareFace } from '../../../src/effects/deage/pipeline';
import { DEFAULT_PARAMS, DeageParams } from '../../../src/effects/deage/params';
import { cosine } from '../../../src/effects/deage/face/measure';
import { decodeStillBytes } from '../../../src/cli/stillFile';
import { decodePng, encodePng, type Raster } from '../../../src/effects/plates/png';
import type { PreparedFace } from '../../../src/effects/deage/pipeline';
import { estimate, euclidean, FACEAPI_SAME_PERSON, type Estimate } from './estimators';
import { BILATERAL, smoothingBaseline } from './baseline';
import { KEEP_REGIONS, keepMasks, regionChange, type KeepRegion } from './keepRegions';
import { sheetPng, type SheetRow } from './sheet';
import { FLICKER_GOAL, videoFlicker } from './video';

const HELP = `Usage: npm run eval:deage -- [--set evaluation|tuning|all] [--years N] [--params FILE.json] [--out DIR] [--limit N]

Measures the de-age effect on tests/fixtures/faces-eval (40 public-domain faces,
split once into tuning and evaluation sets) against a bilateral skin-smoothing
baseline, with two independent estimators (faceres and face-api). Writes
DIR/results.json, DIR/summary.md and DIR/sheet-<set>.png (input | baseline |
de-aged per face). Default: --set all --years 15 --out .eval/deage.
Tune parameters with --set tuning only; the evaluation set is the result.
  --params FILE   JSON merged over the default de-age parameters
  --limit N       only the first N faces of each set (a smoke run)
  --video N       also measure flicker on moving plates made from the first N
                  faces of each set (default 2; 0 skips)`;

/** The stated limit for the must-not-change regions: mean absolute change, 8-bit levels. */
export const KEEP_LIMIT = 3;
const FIXTURES = 'tests/fixtures/faces-eval';

interface FaceEntry {
  id: string;
  file: string;
  set: 'tuning' | 'evaluation';
  birthYear: number;
  sex: string;
  skinTone: string;
  glasses: boolean;
  facialHair: string;
}

function parse(argv: string[]) {
  const o = { set: 'all', years: DEFAULT_PARAMS.yearsYounger, params: null as string | null, out: '.eval/deage', limit: Infinity, video: 2, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = () => {
      const x = argv[++i];
      if (x === undefined) throw new Error(`${a} needs a value`);
      return x;
    };
    if (a === '-h' || a === '--help') o.help = true;
    else if (a === '--set') o.set = v();
    else if (a === '--years') o.years = Number(v());
    else if (a === '--params') o.params = v();
    else if (a === '--out') o.out = v();
    else if (a === '--limit') o.limit = Number(v());
    else if (a === '--video') o.video = Number(v());
    else throw new Error(`unknown argument ${a}`);
  }
  if (!['all', 'tuning', 'evaluation'].includes(o.set)) throw new Error(`--set is evaluation, tuning or all (got ${o.set})`);
  if (!(o.years >= 0 && o.years <= 30)) throw new Error('--years must be 0–30');
  return o;
}

// The input's and the baseline's measures do not depend on the effect's parameters: cached by a hash of what
// they do depend on (crop, masks, baseline settings), so tuning runs measure only the effect.
const CACHE = '.eval/deage/cache';
interface Cached {
  input: Estimate;
  baseline: Estimate;
  basePng: Uint8Array;
}
const bytesOf = (a: Float32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

async function inputAndBaseline(runner: Parameters<typeof estimate>[0], id: string, plate: Raster, points: Float32Array, face: PreparedFace): Promise<Cached> {
  const key = createHash('sha256').update(bytesOf(face.crop)).update(bytesOf(face.masks)).update(bytesOf(points)).update(JSON.stringify(BILATERAL)).update('estimators 1').digest('hex').slice(0, 16);
  const file = join(CACHE, `${id}-${key}.json`);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, 'utf8'));
    const est = (e: Record<string, unknown>): Estimate => ({ faceresAge: e.faceresAge as number, faceapiAge: e.faceapiAge as number, faceres: Float32Array.from(e.faceres as number[]), faceapi: Float32Array.from(e.faceapi as number[]) });
    return { input: est(j.input), baseline: est(j.baseline), basePng: Uint8Array.from(Buffer.from(j.basePng, 'base64')) };
  }
  const base = smoothingBaseline(plate, face);
  const c: Cached = { input: await estimate(runner, plate, points), baseline: await estimate(runner, base, points), basePng: encodePng(base, 1) };
  mkdirSync(CACHE, { recursive: true });
  const plain = (e: Estimate) => ({ ...e, faceres: [...e.faceres], faceapi: [...e.faceapi] });
  writeFileSync(file, JSON.stringify({ input: plain(c.input), baseline: plain(c.baseline), basePng: Buffer.from(c.basePng).toString('base64') }));
  return c;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2) : NaN;
};

interface Row {
  id: string;
  set: string;
  sex: string;
  skinTone: string;
  glasses: boolean;
  facialHair: string;
  birthYear: number;
  age: Record<'faceres' | 'faceapi', { input: number; baseline: number; output: number; vsInput: number; vsBaseline: number; baselineVsInput: number }>;
  identity: { faceapiDistance: number; faceapiDistanceBaseline: number; faceresCosine: number; faceresCosineBaseline: number };
  keep: Record<KeepRegion, number>;
  keepBaseline: Record<KeepRegion, number>;
  effectMs: number;
  flicker?: { input: number; output: number; ratio: number };
}

async function main() {
  let o: ReturnType<typeof parse>;
  try {
    o = parse(process.argv.slice(2));
  } catch (e) {
    console.error(`eval:deage: ${(e as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (o.help) {
    console.log(HELP);
    return 0;
  }
  const overrides = o.params ? JSON.parse(readFileSync(o.params, 'utf8')) : {};
  const params = DeageParams.parse({ ...DEFAULT_PARAMS, ...overrides, strength: { ...DEFAULT_PARAMS.strength, ...(overrides.strength ?? {}) }, yearsYounger: o.years });
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'faces.json'), 'utf8')) as { faces: FaceEntry[] };
  const sets = o.set === 'all' ? ['tuning', 'evaluation'] : [o.set];
  const runner = runtimeRunner(getRuntime(), 'wasm');
  mkdirSync(o.out, { recursive: true });
  const rows: Row[] = [];
  const sheets: Record<string, { rows: SheetRow[]; ids: string[] }> = {};
  for (const set of sets) {
    const faces = manifest.faces.filter((f) => f.set === set).slice(0, o.limit);
    sheets[set] = { rows: [], ids: [] };
    for (const f of faces) {
      const plate = decodeStillBytes(f.file, new Uint8Array(readFileSync(join(FIXTURES, f.file))));
      const { points } = await new FaceTracker(runner, 24).next(plate);
      const t0 = performance.now();
      const res = await deageFrame(runner, plate, points, params);
      const effectMs = performance.now() - t0;
      const face = prepareFace(plate, points);
      const cached = await inputAndBaseline(runner, f.id, plate, points, face);
      const base = decodePng(cached.basePng);
      const [ei, eb, eo] = [cached.input, cached.baseline, await estimate(runner, res.output, points)];
      const ages = (k: 'faceres' | 'faceapi') => {
        const key = `${k}Age` as const satisfies keyof Estimate;
        return { input: ei[key], baseline: eb[key], output: eo[key], vsInput: eo[key] - ei[key], vsBaseline: eo[key] - eb[key], baselineVsInput: eb[key] - ei[key] };
      };
      const masks = keepMasks(face);
      const row: Row = {
        id: f.id,
        set,
        sex: f.sex,
        skinTone: f.skinTone,
        glasses: f.glasses,
        facialHair: f.facialHair,
        birthYear: f.birthYear,
        age: { faceres: ages('faceres'), faceapi: ages('faceapi') },
        identity: {
          faceapiDistance: euclidean(ei.faceapi, eo.faceapi),
          faceapiDistanceBaseline: euclidean(ei.faceapi, eb.faceapi),
          faceresCosine: cosine(ei.faceres, eo.faceres),
          faceresCosineBaseline: cosine(ei.faceres, eb.faceres),
        },
        keep: regionChange(plate, res.output, face, masks),
        keepBaseline: regionChange(plate, base, face, masks),
        effectMs,
      };
      if (faces.indexOf(f) < o.video) row.flicker = await videoFlicker(runner, plate, params);
      rows.push(row);
      sheets[set]!.rows.push({ points, images: [plate, base, res.output] });
      sheets[set]!.ids.push(f.id);
      const a = row.age;
      console.log(
        `${set.padEnd(10)} ${f.id} ${f.sex} ${f.skinTone.padEnd(6)} age faceres ${a.faceres.input.toFixed(1)} → base ${a.faceres.baseline.toFixed(1)} / fx ${a.faceres.output.toFixed(1)}; face-api ${a.faceapi.input.toFixed(1)} → base ${a.faceapi.baseline.toFixed(1)} / fx ${a.faceapi.output.toFixed(1)}; id dist ${row.identity.faceapiDistance.toFixed(3)}; keep ${KEEP_REGIONS.map((r) => row.keep[r].toFixed(2)).join('/')}`,
      );
    }
  }
  const summary: Record<string, unknown> = { years: o.years, params, keepLimitLevels: KEEP_LIMIT, faceapiSamePerson: FACEAPI_SAME_PERSON, sets: {} };
  let md = `# De-age evaluation (${o.years} years asked)\n\nMedians per set; ages in years; Δ = effect − other; identity: face-api Euclidean distance (same person < ${FACEAPI_SAME_PERSON}) and faceres cosine; keep regions: mean absolute change in 8-bit levels (limit ${KEEP_LIMIT}).\n\n`;
  md += '| set | faces | faceres Δ vs input | faceres Δ vs baseline | face-api Δ vs input | face-api Δ vs baseline | baseline Δ vs input (faceres / face-api) | face-api distance (max) | faceres cosine (min) | brows | eyes | eye-band edges | outside face | ms |\n|' + ' --- |'.repeat(14) + '\n';
  for (const set of sets) {
    const rs = rows.filter((r) => r.set === set);
    if (!rs.length) continue;
    const m = (f: (r: Row) => number) => median(rs.map(f));
    const s = {
      faces: rs.length,
      faceresVsInput: m((r) => r.age.faceres.vsInput),
      faceresVsBaseline: m((r) => r.age.faceres.vsBaseline),
      faceapiVsInput: m((r) => r.age.faceapi.vsInput),
      faceapiVsBaseline: m((r) => r.age.faceapi.vsBaseline),
      baselineVsInputFaceres: m((r) => r.age.faceres.baselineVsInput),
      baselineVsInputFaceapi: m((r) => r.age.faceapi.baselineVsInput),
      faceapiDistanceMedian: m((r) => r.identity.faceapiDistance),
      faceapiDistanceMax: Math.max(...rs.map((r) => r.identity.faceapiDistance)),
      identityKeptAll: rs.every((r) => r.identity.faceapiDistance < FACEAPI_SAME_PERSON),
      faceresCosineMin: Math.min(...rs.map((r) => r.identity.faceresCosine)),
      keepMedian: Object.fromEntries(KEEP_REGIONS.map((k) => [k, m((r) => r.keep[k])])),
      keepMax: Object.fromEntries(KEEP_REGIONS.map((k) => [k, Math.max(...rs.map((r) => r.keep[k]))])),
      keepBaselineMedian: Object.fromEntries(KEEP_REGIONS.map((k) => [k, m((r) => r.keepBaseline[k])])),
      effectMsMedian: m((r) => r.effectMs),
      flicker: rs.filter((r) => r.flicker).map((r) => ({ id: r.id, ...r.flicker! })),
    };
    (summary.sets as Record<string, unknown>)[set] = s;
    const f1 = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(1);
    md += `| ${set} | ${s.faces} | ${f1(s.faceresVsInput)} | ${f1(s.faceresVsBaseline)} | ${f1(s.faceapiVsInput)} | ${f1(s.faceapiVsBaseline)} | ${f1(s.baselineVsInputFaceres)} / ${f1(s.baselineVsInputFaceapi)} | ${s.faceapiDistanceMedian.toFixed(3)} (${s.faceapiDistanceMax.toFixed(3)}) | ${s.faceresCosineMin.toFixed(3)} | ${KEEP_REGIONS.map((k) => `${s.keepMedian[k]!.toFixed(2)} (max ${s.keepMax[k]!.toFixed(2)})`).join(' | ')} | ${Math.round(s.effectMsMedian)} |\n`;
    writeFileSync(join(o.out, `sheet-${set}.png`), sheetPng(sheets[set]!.rows));
    writeFileSync(join(o.out, `sheet-${set}.txt`), `input | bilateral smoothing baseline | de-aged (${o.years} years), two faces per row, in this order:\n${sheets[set]!.ids.join('\n')}\n`);
  }
  const clips = rows.filter((r) => r.flicker);
  if (clips.length) {
    md += `\nFlicker on moving plates (16 frames, known drift and zoom, fresh grain each frame; mean frame-to-frame change inside the face, 8-bit levels; goal ≤ ${FLICKER_GOAL}× the input's):\n\n| face | set | input | de-aged | ratio |\n| --- | --- | --- | --- | --- |\n`;
    for (const r of clips) md += `| ${r.id} | ${r.set} | ${r.flicker!.input.toFixed(2)} | ${r.flicker!.output.toFixed(2)} | ${r.flicker!.ratio.toFixed(2)}× |\n`;
  }
  md += `\nPer face: results.json. Sheets: sheet-<set>.png (input | baseline | de-aged), order in sheet-<set>.txt.\n`;
  writeFileSync(join(o.out, 'results.json'), JSON.stringify({ summary, faces: rows }, null, 1));
  writeFileSync(join(o.out, 'summary.md'), md);
  console.log('\n' + md);
  return 0;
}

process.exitCode = await main();
