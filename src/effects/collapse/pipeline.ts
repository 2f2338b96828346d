// One collapse run, start to finish: fracture → glue → rigid bodies → bake. Pure apart from Rapier (passed
// in), so the worker, the Node tests and the bench all run exactly this code.
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import { fractureBuilding } from './fracture';
import { buildGlue } from './glue';
import { buildStructure } from './structure';
import { CollapseSim } from './simulate';
import { BakeRecorder, bakeFragments, breaksOf, encodeBake } from './bake';
import type { BuildingShape } from './solid';
import { fractureMesh } from './meshSolid';
import type { TriangleSoup } from './meshSoup';
import type { CollapseParams } from './params';
import { sha256Hex } from '../../core/util/sha256';

export interface CollapseJob {
  /** what fails: a parametric building, or an imported mesh (closed, in the layer's frame, base at y = 0) */
  building?: BuildingShape;
  mesh?: TriangleSoup;
  params: CollapseParams;
  seed: number;
  /** project frame rate: one bake frame per timeline frame */
  fps: number;
}

export interface CollapseStats {
  fragments: number;
  bonds: number;
  solidVolume: number;
  fragmentVolume: number;
  /** an imported mesh: its triangles after welding and the convex parts it was cut into before fracture */
  mesh?: { triangles: number; convexParts: number };
  frames: number;
  steps: number;
  stepRate: number;
  breaks: number;
  /** seconds after the trigger when every body had come to rest and no glue broke for half a second */
  restAt: number | null;
  injectedEnergy: number;
  bakeBytes: number;
  /** simulate = setup (bodies, blow) + physics (stepping, glue) + record (poses into the bake) */
  timingsMs: { fracture: number; glue: number; simulate: number; setup: number; physics: number; record: number; encode: number; total: number };
}

export interface CollapseOutput {
  bytes: Uint8Array;
  hash: string;
  stats: CollapseStats;
}

export interface JobHooks {
  onProgress?: (stage: 'fracture' | 'glue' | 'simulate' | 'bake', fraction: number) => void;
  /** checked between frames; returning true aborts the run */
  cancelled?: () => boolean;
}

export class CollapseCancelled extends Error {
  constructor() {
    super('collapse cancelled');
    this.name = 'AbortError';
  }
}

/** Rigid-body steps per timeline frame: enough for ~60 Hz, so falling chunks do not tunnel through slabs. */
export const substepsFor = (fps: number) => Math.max(1, Math.ceil(60 / fps));

export async function runCollapse(R: typeof RAPIER_NS, job: CollapseJob, hooks: JobHooks = {}): Promise<CollapseOutput> {
  const { params, building, fps } = job;
  const now = () => performance.now();
  const t0 = now();
  const check = () => {
    if (hooks.cancelled?.()) throw new CollapseCancelled();
  };
  const fractureOpts = { fragmentCount: params.fragmentCount, impactPoint: params.impactPoint, impactRadius: params.impactRadius, material: params.material, seed: job.seed };
  const onFracture = (d: number, t: number) => hooks.onProgress?.('fracture', t ? d / t : 0);
  let meshInfo: CollapseStats['mesh'];
  let fr;
  if (job.mesh) {
    const m = fractureMesh(job.mesh, fractureOpts, onFracture);
    meshInfo = { triangles: m.solid.triangles, convexParts: m.solid.members.length };
    fr = m;
  } else if (building) {
    fr = fractureBuilding(building, fractureOpts, onFracture);
  } else {
    throw new Error('a collapse needs a building or a mesh');
  }
  // a building stands on y = 0; a mesh on its lowest point (the layer frame puts it at 0, give or take float)
  const groundY = job.mesh ? fr.solid.bounds.min[1] : 0;
  check();
  const t1 = now();
  const bonds = buildGlue(fr.fragments, groundY);
  const structure = buildStructure(fr.fragments, bonds, params);
  hooks.onProgress?.('glue', 1);
  check();
  const t2 = now();

  const substeps = substepsFor(fps);
  const stepRate = fps * substeps;
  const frameCount = Math.round(params.duration * fps) + 1;
  const tSetup = now();
  const sim = new CollapseSim(R, { fragments: fr.fragments, structure, params, stepRate, groundY });
  const n = fr.fragments.length;
  const { min, max } = fr.solid.bounds;
  const reach = Math.max(max[0] - min[0], max[2] - min[2]) + 30;
  const boundsMin: [number, number, number] = [min[0] - reach, groundY - 1, min[2] - reach];
  const boundsMax: [number, number, number] = [max[0] + reach, max[1] + 20, max[2] + reach];
  const recorder = new BakeRecorder(n, boundsMin, boundsMax);
  const pose = new Float32Array(n * 7);
  let physics = 0;
  let setup = 0;
  let recording = 0;
  let steps = 0;
  let restAt: number | null = null;
  let quietSince = 0;
  let lastYield = now();
  try {
    sim.poses(pose);
    recorder.record(pose);
    sim.trigger();
    setup = now() - tSetup;
    for (let f = 1; f < frameCount; f++) {
      check();
      if (restAt === null) {
        const breaksBefore = sim.breaks.length;
        const ts = now();
        for (let s = 0; s < substeps; s++) sim.step();
        physics += now() - ts;
        steps += substeps;
        if (sim.breaks.length !== breaksBefore || sim.movingBodies() > 0) quietSince = sim.time;
        else if (sim.time - quietSince >= 0.5) restAt = quietSince;
        const tr = now();
        sim.poses(pose);
        recording += now() - tr;
      }
      const tr = now();
      recorder.record(pose);
      recording += now() - tr;
      hooks.onProgress?.('simulate', f / (frameCount - 1));
      // a macrotask break now and then, so a worker sees a cancel message between frames (timers can be slow on a
      // loaded machine, so not every frame, and not at all when nobody can cancel)
      if (hooks.cancelled && now() - lastYield > 150) {
        await new Promise((r) => setTimeout(r, 0));
        lastYield = now();
      }
    }
  } finally {
    sim.free();
  }
  const t3 = now();
  const bytes = encodeBake(
    { fragmentCount: n, frameCount, fps, triggerFrame: params.triggerFrame, seed: job.seed, particleBudget: params.particleCount, boundsMin, boundsMax },
    bakeFragments(fr.fragments),
    recorder.frames,
    breaksOf(sim.breaks, bonds),
  );
  const hash = await sha256Hex(bytes);
  hooks.onProgress?.('bake', 1);
  const t4 = now();
  return {
    bytes,
    hash,
    stats: {
      fragments: n,
      bonds: bonds.length,
      solidVolume: fr.solidVolume,
      fragmentVolume: fr.fragments.reduce((a, f) => a + f.volume, 0),
      ...(meshInfo ? { mesh: meshInfo } : {}),
      frames: frameCount,
      steps,
      stepRate,
      breaks: sim.breaks.length,
      restAt,
      injectedEnergy: sim.injected,
      bakeBytes: bytes.byteLength,
      timingsMs: { fracture: t1 - t0, glue: t2 - t1, simulate: t3 - t2, setup, physics, record: recording, encode: t4 - t3, total: t4 - t0 },
    },
  };
}
