// A whole collapse run of an imported mesh (the L-block fixture as the asset reader delivers it): the same
// pipeline as a building's, deterministic from the seed, volume carried into the bake, and a bad mesh refused.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import { runCollapse, type CollapseJob } from './pipeline';
import { decodeBake, expandPoses } from './bake';
import { defaultCollapseParams } from './params';
import { loadRapier } from './rapier';
import { parseModel } from '../../viewport/objects/gltf';
import { soupFromModel } from './view/assetSoup';
import type { TriangleSoup } from './meshSoup';

let R: typeof RAPIER_NS;
let mesh: TriangleSoup;
beforeAll(async () => {
  R = await loadRapier();
  const soup = soupFromModel(await parseModel(new Uint8Array(readFileSync(resolve(__dirname, '../../../tests/fixtures/models/l-block.glb')))), 1);
  mesh = { positions: soup.positions, indices: soup.indices };
});

const job = (seed: number, m: TriangleSoup = mesh): CollapseJob => ({
  mesh: m,
  // a low blow on the front of the block, so its base gives way and the block comes down
  params: { ...defaultCollapseParams(6), fragmentCount: 120, duration: 2, impactPoint: [0, 1, 2], impactRadius: 3, strength: 20, failureMode: 'toppling', material: 'concrete' },
  seed,
  fps: 24,
});

describe('imported mesh collapse bake', () => {
  it('same seed → identical bake hash; different seed → different', async () => {
    const a = await runCollapse(R, job(21));
    const b = await runCollapse(R, job(21));
    const c = await runCollapse(R, job(22));
    expect(b.hash).toBe(a.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(a.stats.mesh).toEqual({ triangles: 20, convexParts: 2 });
  }, 240_000); // three whole bakes: slow on a loaded machine

  it('carries the volume into the bake, starts at rest and falls', async () => {
    const out = await runCollapse(R, job(3));
    const s = out.stats;
    expect(s.solidVolume).toBeCloseTo(126, 6);
    expect(Math.abs(s.fragmentVolume - s.solidVolume) / s.solidVolume).toBeLessThan(0.005);
    const bake = decodeBake(out.bytes);
    const mass = bake.fragments.reduce((a, f) => a + f.mass, 0);
    expect(mass / (s.fragmentVolume * 2400)).toBeCloseTo(1, 4);
    expect(bake.fragments.some((f) => f.faces.some((q) => q.interior))).toBe(true);
    const poses = expandPoses(bake);
    const meanY = (p: Float32Array) => bake.fragments.reduce((sum, _, i) => sum + p[7 * i + 1]!, 0) / bake.fragmentCount;
    const last = poses[poses.length - 1]!;
    expect(meanY(last)).toBeLessThan(meanY(poses[0]!) - 0.1);
    // the struck corner comes down: a good share of the fragments dropped by more than half a metre
    const fell = bake.fragments.filter((_, i) => last[7 * i + 1]! < poses[0]![7 * i + 1]! - 0.5).length;
    console.log(`L-block: ${bake.fragmentCount} fragments, ${s.breaks} breaks, ${fell} fell > 0.5 m, fracture ${s.timingsMs.fracture.toFixed(0)} ms, total ${s.timingsMs.total.toFixed(0)} ms`);
    expect(fell).toBeGreaterThan(0.25 * bake.fragmentCount);
    // nothing sinks through the ground: every fragment's centre stays above it
    for (let i = 0; i < bake.fragmentCount; i++) expect(poses[poses.length - 1]![7 * i + 1]!).toBeGreaterThan(-0.05);
  });

  it('refuses an open mesh with the reason', async () => {
    const open = { positions: mesh.positions, indices: mesh.indices.slice(3) };
    await expect(runCollapse(R, job(1, open))).rejects.toThrow(/not closed/);
  });
});
