// Collapse bake cost: for 500–4,000 fragments, the whole bake (fracture, glue, Rapier, encode) against the
// shot's duration (real-time factor) and against raw Rapier stepping the same fragment hulls as plain bodies
// for the same number of steps (overhead ratio, goal ≤ 1.3×); and the debris step's particles per second on
// each backend this process can reach (WASM graph and the TypeScript reference; Node has no WebGPU adapter).
import RAPIER from '@dimforge/rapier3d-compat';
import type { BenchContext, BenchRow } from './types';
import { runCollapse } from '../../src/effects/collapse/pipeline';
import { fractureBuilding } from '../../src/effects/collapse/fracture';
import { defaultCollapseParams } from '../../src/effects/collapse/params';
import { polyVertices } from '../../src/effects/collapse/polyhedron';
import { HULL_SCALE, SOLVER_ITERATIONS } from '../../src/effects/collapse/simulate';
import { DEBRIS_MODEL_ID, debrisEnv, spawnDebris, stepDebrisReference, STATE } from '../../src/effects/collapse/particles';
import { getRuntime } from '../../src/effects/runtime';
import type { BuildingShape } from '../../src/effects/collapse/solid';

const TOWER: BuildingShape = { footprint: { width: 16, depth: 12 }, floors: 8, floorHeight: 3.2, bays: { x: 5, z: 4 }, windowRatio: 0, roof: 'flat' };
const FPS = 24;
const DURATION = 4;

/** The fragments as independent dynamic bodies with the same hulls and solver settings, stepped `steps` times. */
function rawRapier(fragments: ReturnType<typeof fractureBuilding>['fragments'], steps: number, stepRate: number): { total: number; stepping: number } {
  const t0 = performance.now();
  const world = new RAPIER.World({ x: 0, y: -9.81, z: 0 });
  world.timestep = 1 / stepRate;
  world.numSolverIterations = SOLVER_ITERATIONS;
  world.createCollider(RAPIER.ColliderDesc.cuboid(500, 1, 500).setTranslation(0, -1, 0));
  for (const f of fragments) {
    const v = polyVertices(f.poly);
    const local = new Float32Array(v.length);
    for (let k = 0; k < v.length; k++) local[k] = (v[k]! - f.centroid[k % 3]!) * HULL_SCALE;
    const body = world.createRigidBody(RAPIER.RigidBodyDesc.dynamic().setTranslation(f.centroid[0], f.centroid[1], f.centroid[2]));
    const desc = RAPIER.ColliderDesc.convexHull(local) ?? RAPIER.ColliderDesc.ball(0.1);
    world.createCollider(desc.setDensity(f.mass / f.volume), body);
  }
  const t1 = performance.now();
  for (let s = 0; s < steps; s++) world.step();
  const t2 = performance.now();
  world.free();
  return { total: t2 - t0, stepping: t2 - t1 };
}

export default async function (ctx: BenchContext): Promise<BenchRow[]> {
  await RAPIER.init();
  const rows: BenchRow[] = [];
  const counts = ctx.quick ? [500, 1000] : [500, 1000, 2000, 4000];
  for (const n of counts) {
    const params = { ...defaultCollapseParams(0), fragmentCount: n, duration: DURATION, impactPoint: [0, 2, 6] as [number, number, number], impactRadius: 4, strength: 14 };
    const out = await runCollapse(RAPIER, { building: TOWER, params, seed: 1, fps: FPS });
    const s = out.stats;
    const fr = fractureBuilding(TOWER, { fragmentCount: n, impactPoint: params.impactPoint, impactRadius: params.impactRadius, material: 'concrete', seed: 1 });
    const raw = rawRapier(fr.fragments, s.steps, s.stepRate);
    const bakeS = s.timingsMs.total / 1000;
    const variant = `${s.fragments} fragments`;
    const note = `${s.steps} steps @ ${s.stepRate} Hz, ${s.breaks} glue breaks, rest at ${s.restAt === null ? 'not within the shot' : `${s.restAt.toFixed(1)} s`}, bake ${(s.bakeBytes / 1024).toFixed(0)} KiB`;
    rows.push({ variant, metric: 'bake time', value: bakeS, unit: 's', note });
    rows.push({ variant, metric: 'real-time factor', value: DURATION / bakeS, unit: 'shot s / bake s', goal: '≥ 1 is faster than real time' });
    rows.push({ variant, metric: 'raw Rapier, same hulls and steps', value: raw.total / 1000, unit: 's', note: `stepping alone ${(raw.stepping / 1000).toFixed(2)} s` });
    rows.push({ variant, metric: 'overhead vs raw Rapier', value: s.timingsMs.total / raw.total, unit: '×', ratio: s.timingsMs.total / raw.total, goal: '≤ 1.3×' });
    rows.push({ variant, metric: 'physics part vs raw stepping', value: s.timingsMs.physics / raw.stepping, unit: '×', ratio: s.timingsMs.physics / raw.stepping, note: `fracture ${(s.timingsMs.fracture / 1000).toFixed(2)} s, glue ${(s.timingsMs.glue / 1000).toFixed(2)} s` });
  }

  // debris step: 60,000 particles, all live
  const breaks = Array.from({ length: 200 }, (_, i) => ({ time: 0, pos: [i * 0.1, 8, 0] as [number, number, number], vel: [0, 0, 0] as [number, number, number], area: 0.1 }));
  const sp = spawnDebris(breaks, 60_000, 1);
  const env = debrisEnv(9.81, 1 / FPS);
  const reps = ctx.quick ? 5 : 20;
  const rt = getRuntime();
  let backend = '';
  const feeds = () => ({
    state: { dtype: 'float32' as const, dims: [sp.count, STATE], data: sp.state },
    drag: { dtype: 'float32' as const, dims: [sp.count, 1], data: sp.drag },
    env: { dtype: 'float32' as const, dims: [1, 6], data: env },
  });
  await rt.run(DEBRIS_MODEL_ID, feeds()); // session creation outside the timing
  const wasm = await ctx.median(async () => {
    backend = (await rt.run(DEBRIS_MODEL_ID, feeds(), { backend: 'wasm' })).report.backend;
  }, reps);
  const ref = await ctx.median(async () => void stepDebrisReference(sp.state, sp.drag, env), reps);
  rows.push({ variant: `debris step, ONNX graph (${backend})`, metric: 'particles per second', value: sp.count / (wasm / 1000), unit: 'particles/s', note: `${sp.count} particles, ${wasm.toFixed(1)} ms per step incl. runtime round trip` });
  rows.push({ variant: 'debris step, TypeScript reference', metric: 'particles per second', value: sp.count / (ref / 1000), unit: 'particles/s', ratio: ref / wasm, note: 'ratio: reference time / graph time' });
  return rows;
}
