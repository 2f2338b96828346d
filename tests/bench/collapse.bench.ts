// Collapse bake cost: for 500–4,000 fragments, the whole bake (fracture, glue, Rapier, encode) against the
// shot's duration (real-time factor) and against raw Rapier stepping the same fragment hulls as plain bodies
// for the same number of steps (overhead ratio, goal ≤ 1.3×); and the debris step's particles per second on
// each backend (the graph in Chromium on WASM and WebGPU; the TypeScript reference in Node).
import RAPIER from '@dimforge/rapier3d-compat';
import type { BenchContext, BenchRow } from './types';
import { runCollapse } from '../../src/effects/collapse/pipeline';
import { fractureBuilding } from '../../src/effects/collapse/fracture';
import { MATERIALS, defaultCollapseParams } from '../../src/effects/collapse/params';
import { SOLVER_ITERATIONS } from '../../src/effects/collapse/simulate';
import { fragmentColliderDesc } from '../../src/effects/collapse/rigid';
import { DEBRIS_MODEL_ID, debrisEnv, spawnDebris, stepDebrisReference } from '../../src/effects/collapse/particles';
import { openApp } from '../e2e/harness';
import type { BuildingShape } from '../../src/effects/collapse/solid';
import { fractureMesh, meshSolid } from '../../src/effects/collapse/meshSolid';
import { hollowBox, icosphere, lBlock, type Soup } from '../fixtures/models/collapseMeshes';

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
  const mat = MATERIALS.concrete;
  for (const f of fragments) {
    const body = world.createRigidBody(RAPIER.RigidBodyDesc.dynamic());
    world.createCollider(fragmentColliderDesc(RAPIER, f, mat), body);
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

  // imported meshes: the watertight check and convex decomposition, then the same Voronoi fracture, against
  // fracturing the parametric tower to the same fragment count (ratio > 1: the mesh costs more)
  const meshes: [string, Soup][] = [
    ['L-block', lBlock()],
    ['hollow box', hollowBox()],
    ['geodesic sphere', icosphere(6, 3)],
  ];
  const reps = ctx.quick ? 1 : 3;
  for (const n of ctx.quick ? [500] : [500, 1000]) {
    const fOpts = { fragmentCount: n, impactPoint: [0, 2, 2] as [number, number, number], impactRadius: 3, material: 'concrete' as const, seed: 1 };
    const tower = await ctx.median(() => fractureBuilding(TOWER, { ...fOpts, impactPoint: [0, 2, 6] }), reps);
    for (const [name, soup] of meshes) {
      const prep = await ctx.median(() => meshSolid(soup), reps);
      const solid = meshSolid(soup);
      const total = await ctx.median(() => fractureMesh(soup, fOpts), reps);
      const r = fractureMesh(solid, fOpts);
      const sum = r.fragments.reduce((a, f) => a + f.volume, 0);
      rows.push({
        variant: `imported mesh: ${name}, ${solid.triangles} triangles, ${n} fragments asked`,
        metric: 'mesh fracture time',
        value: total,
        unit: 'ms',
        ratio: total / tower,
        note: `${r.fragments.length} fragments; weld + check + ${solid.members.length} convex part(s) ${prep.toFixed(0)} ms; volume error ${((Math.abs(sum - r.solidVolume) / r.solidVolume) * 100).toExponential(1)} %; tower to ${n} fragments ${tower.toFixed(0)} ms (ratio)`,
      });
    }
  }

  // debris step, 60,000 live particles: the TypeScript reference here, the ONNX graph on each backend in Chromium
  // (Node cannot load onnxruntime-web's wasm outside vitest, and has no WebGPU adapter)
  const breaks = Array.from({ length: 200 }, (_, i) => ({ time: 0, pos: [i * 0.1, 8, 0] as [number, number, number], vel: [0, 0, 0] as [number, number, number], area: 0.1 }));
  const sp = spawnDebris(breaks, 60_000, 1);
  const env = debrisEnv(9.81, 1 / FPS);
  const stepReps = ctx.quick ? 5 : 20;
  const ref = await ctx.median(async () => void stepDebrisReference(sp.state, sp.drag, env), stepReps);
  rows.push({ variant: 'debris step, TypeScript reference (Node)', metric: 'particles per second', value: sp.count / (ref / 1000), unit: 'particles/s', note: `${sp.count} particles, ${ref.toFixed(1)} ms per step` });
  const app = await openApp({ viewport: { width: 800, height: 500 } });
  try {
    const results = (await app.page.evaluate(
      async ({ id, n, reps }) => {
        const h = (globalThis as any).__previs;
        const state = new Float32Array(n * 6);
        for (let i = 0; i < state.length; i++) state[i] = ((i * 0.6180339) % 1) * 10 - 5;
        const drag = new Float32Array(n).fill(0.1);
        const env = Float32Array.from([0, -9.81, 0, 1 / 24, 0, 0.25]);
        const feeds = () => ({
          state: { dtype: 'float32', dims: [n, 6], data: state.slice() },
          drag: { dtype: 'float32', dims: [n, 1], data: drag },
          env: { dtype: 'float32', dims: [1, 6], data: env },
        });
        const out: { backend: string; ms: number; roundTrip: number; adapter: string | null; error?: string }[] = [];
        for (const backend of ['wasm', 'webgpu']) {
          try {
            await h.runtime.runtime.run(id, feeds(), { backend });
            const run: number[] = [], trip: number[] = [];
            let adapter: string | null = null;
            for (let k = 0; k < reps; k++) {
              const t0 = performance.now();
              const r = await h.runtime.runtime.run(id, feeds(), { backend });
              trip.push(performance.now() - t0);
              run.push(r.report.timingsMs.run);
              adapter = r.report.adapter ? `${r.report.adapter.vendor} ${r.report.adapter.architecture}` : null;
            }
            run.sort((a, b) => a - b);
            trip.sort((a, b) => a - b);
            out.push({ backend, ms: run[run.length >> 1]!, roundTrip: trip[trip.length >> 1]!, adapter });
          } catch (e) {
            out.push({ backend, ms: 0, roundTrip: 0, adapter: null, error: (e as Error).message });
          }
        }
        return out;
      },
      { id: DEBRIS_MODEL_ID, n: sp.count, reps: ctx.quick ? 3 : 10 },
    )) as { backend: string; ms: number; roundTrip: number; adapter: string | null; error?: string }[];
    const wasm = results.find((r) => r.backend === 'wasm' && !r.error);
    for (const r of results) {
      if (r.error) {
        process.stderr.write(`collapse bench: debris step on ${r.backend} failed: ${r.error}\n`);
        continue;
      }
      rows.push({
        variant: `debris step, ONNX graph on ${r.backend} (Chromium)`,
        metric: 'particles per second',
        value: sp.count / (r.ms / 1000),
        unit: 'particles/s',
        ratio: wasm ? wasm.ms / r.ms : undefined,
        note: `${r.ms.toFixed(1)} ms per step in the session, ${r.roundTrip.toFixed(1)} ms with the worker round trip${r.adapter ? `; adapter ${r.adapter}` : ''}; ratio vs wasm`,
      });
    }
  } finally {
    await app.close();
  }
  return rows;
}
