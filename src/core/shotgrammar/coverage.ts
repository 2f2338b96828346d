// Coverage of a two-hander in one step: the master two-shot, a single on each actor, an over-the-shoulder
// each way, and optional inserts of props. Every camera stays on one side of the 180° line through the two
// actors (the side their faces favour), and each reverse pair shares one lens and one camera height (the mean
// of the two heights the framing asks for; the tilt then takes up the difference).
import type { Vec3 } from '../rig';
import type { CoverageRequest, ShotDescription } from './description';
import { bodyMarks } from './body';
import { actorOf, neg, norm, SolveError, type SolveContext, type SolvedShot } from './camera';
import { chooseLens, longerLens, type LensChoice } from './lensChoice';
import { solveShot, onSide, type SolveOptions } from './solve';
import { shoulderSide, solveOtsWith } from './ots';
import { SIZE_FRAMING } from './framingTable';
import type { SizeCode } from './vocabulary';

export type CoverageRole = 'master' | 'single' | 'ots' | 'insert';

export interface CoverageShot {
  role: CoverageRole;
  /** e.g. "Master Ana / Ben", "Single Ana", "OTS Ben → Ana" */
  label: string;
  /** the description the shot is stored with */
  description: string;
  solved: SolvedShot;
}

export interface CoverageResult {
  shots: CoverageShot[];
  /** the side kept: cameras satisfy (p − line.a) · line.n > 0 */
  line: { a: Vec3; b: Vec3; n: Vec3 };
}

const SINGLE_SIZE: Exclude<SizeCode, 'INSERT'> = 'MCU';
const OTS_SIZE: Exclude<SizeCode, 'INSERT'> = 'MCU';
/** how far off the line of action a single is taken from, towards the camera side */
const SINGLE_OFF_LINE_RAD = (30 * Math.PI) / 180;

export function solveCoverage(req: CoverageRequest, ctx: SolveContext): { ok: true; coverage: CoverageResult } | { ok: false; error: string } {
  try {
    return { ok: true, coverage: cover(req, ctx) };
  } catch (e) {
    if (e instanceof SolveError) return { ok: false, error: e.message };
    throw e;
  }
}

function must(r: ReturnType<typeof solveShot>, what: string): SolvedShot {
  if (!r.ok) throw new SolveError(`${what}: ${r.error}`);
  return r.shot;
}

function cover(req: CoverageRequest, ctx: SolveContext): CoverageResult {
  const [idA, idB] = req.actorIds;
  const A = actorOf(ctx, idA);
  const B = actorOf(ctx, idB);
  const ba = bodyMarks(A);
  const bb = bodyMarks(B);
  const a = ba.axis, b = bb.axis;
  if (Math.hypot(b[0] - a[0], b[2] - a[2]) < 0.3) throw new SolveError(`${A.name} and ${B.name} stand in the same spot; there is no line between them to cover`);
  const ab = norm([b[0] - a[0], 0, b[2] - a[2]]);
  let n: Vec3 = [-ab[2], 0, ab[0]];
  if (ba.face[0] * n[0] + ba.face[2] * n[2] + bb.face[0] * n[0] + bb.face[2] * n[2] < 0) n = neg(n);
  const keepSide = { a, n };
  const line = { a, b, n };
  const shots: CoverageShot[] = [];
  const names = `${A.name} and ${B.name}`;

  // master: the two-shot square to the line
  const masterDesc: ShotDescription = { framing: 'two', size: 'MLS', subjectIds: [idA, idB], moves: [], ...(req.lens ? { lens: req.lens } : {}) };
  const master = must(solveShot(masterDesc, ctx, { toCamera: n, keepSide }), 'Master');
  shots.push({ role: 'master', label: `Master ${A.name} / ${B.name}`, description: `master two-shot of ${names}`, solved: master });

  // singles: from near the other actor's eyeline, on the camera side; one lens, one height
  const singleLens = chooseLens(ctx.template, req.lens, SIZE_FRAMING[SINGLE_SIZE].defaultLensMm);
  const fromLine = (along: Vec3): Vec3 => norm([along[0] * Math.cos(SINGLE_OFF_LINE_RAD) + n[0] * Math.sin(SINGLE_OFF_LINE_RAD), 0, along[2] * Math.cos(SINGLE_OFF_LINE_RAD) + n[2] * Math.sin(SINGLE_OFF_LINE_RAD)]);
  const singleOpts = (id: string): SolveOptions => ({ toCamera: fromLine(id === idA ? ab : neg(ab)), lensChoice: singleLens, keepSide });
  const singleDesc = (id: string, heightM?: number): ShotDescription => ({ framing: 'single', size: SINGLE_SIZE, subjectIds: [id], moves: [], ...(heightM !== undefined ? { heightM } : {}) });
  const h0 = [idA, idB].map((id) => must(solveShot(singleDesc(id), ctx, singleOpts(id)), 'Single').camera.transform.position[1]);
  const singleHeight = (h0[0]! + h0[1]!) / 2;
  for (const [id, actor] of [[idA, A], [idB, B]] as const) {
    const s = must(solveShot(singleDesc(id, singleHeight), ctx, singleOpts(id)), `Single on ${actor.name}`);
    shots.push({ role: 'single', label: `Single ${actor.name}`, description: `${SINGLE_SIZE} on ${actor.name}`, solved: s });
  }

  // over-the-shoulders: the shoulder on the camera side, a lens that works both ways, one height
  const shoulderOf = (fg: string, target: string): 'left' | 'right' => {
    const r = shoulderSide(ctx, fg, target, 'right');
    return r[0] * n[0] + r[2] * n[2] > 0 ? 'right' : 'left';
  };
  const pair = [
    { fg: idB, target: idA },
    { fg: idA, target: idB },
  ];
  let lens: LensChoice | null = chooseLens(ctx.template, req.lens, 50);
  let ots: SolvedShot[] | null = null;
  let lastError = '';
  while (lens && !ots) {
    try {
      const first = pair.map((p) => solveOtsWith(ctx, { foregroundId: p.fg, targetId: p.target, shoulder: shoulderOf(p.fg, p.target), size: OTS_SIZE, lensChoice: lens!, hold: { pitch: 0 }, dutch: 0 }));
      // one height for both: the mean first, then towards either end, until both frame from it
      const [h0, h1] = first.map((s) => s.camera.transform.position[1]) as [number, number];
      for (const k of [0.5, 0.25, 0.75, 0, 1]) {
        try {
          const h = h0 + (h1 - h0) * k;
          const both = pair.map((p) => solveOtsWith(ctx, { foregroundId: p.fg, targetId: p.target, shoulder: shoulderOf(p.fg, p.target), size: OTS_SIZE, lensChoice: lens!, hold: { height: h }, dutch: 0 }));
          if (both.every((s) => onSide(keepSide, s.camera.transform.position))) {
            ots = both;
            break;
          }
          lastError = 'the over-the-shoulders would cross the line';
        } catch (e) {
          if (!(e instanceof SolveError)) throw e;
          lastError = e.message;
        }
      }
    } catch (e) {
      if (!(e instanceof SolveError)) throw e;
      lastError = e.message;
    }
    if (!ots) lens = req.lens ? null : longerLens(lens);
  }
  if (!ots) throw new SolveError(`Over-the-shoulders for ${names}: ${lastError}`);
  pair.forEach((p, i) => {
    const fg = p.fg === idA ? A : B;
    const target = p.target === idA ? A : B;
    shots.push({ role: 'ots', label: `OTS ${fg.name} → ${target.name}`, description: `over ${fg.name}'s shoulder onto ${target.name}`, solved: ots![i]! });
  });

  for (const id of req.insertIds) {
    const o = ctx.scene.objects[id];
    if (!o) throw new SolveError(`No set object ${id}`);
    const s = must(solveShot({ framing: 'insert', size: 'INSERT', subjectIds: [id], moves: [], ...(req.lens ? { lens: req.lens } : {}) }, ctx, { toCamera: n }), `Insert of ${o.name}`);
    shots.push({ role: 'insert', label: `Insert ${o.name}`, description: `insert of ${o.name}`, solved: s });
  }
  for (const s of shots) {
    if (s.role !== 'insert' && !onSide(keepSide, s.solved.camera.transform.position)) throw new SolveError(`${s.label} would cross the line of action`);
  }
  return { shots, line };
}
