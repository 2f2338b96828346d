import { beforeAll, describe, expect, it } from 'vitest';
import type RAPIER_NS from '@dimforge/rapier3d-compat';
import { runCollapse, type CollapseJob } from './pipeline';
import { decodeBake, expandPoses } from './bake';
import { defaultCollapseParams } from './params';
import { loadRapier } from './rapier';

let R: typeof RAPIER_NS;
beforeAll(async () => {
  R = await loadRapier();
});

const job = (seed: number): CollapseJob => ({
  building: { footprint: { width: 8, depth: 6 }, floors: 2, floorHeight: 3, bays: { x: 2, z: 2 }, windowRatio: 0.3, roof: 'flat' },
  params: { ...defaultCollapseParams(10), fragmentCount: 120, duration: 1.5, impactPoint: [0, 1.5, 3], impactRadius: 2.5, strength: 14 },
  seed,
  fps: 24,
});

describe('collapse bake', () => {
  it('same seed → identical bake hash; different seed → different', async () => {
    const a = await runCollapse(R, job(11));
    const b = await runCollapse(R, job(11));
    const c = await runCollapse(R, job(12));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    expect(Buffer.from(b.bytes).equals(Buffer.from(a.bytes))).toBe(true);
    expect(c.hash).not.toBe(a.hash);
  }, 240_000); // three whole bakes: slow on a loaded machine

  it('decodes to the poses it recorded, keeps only what moved, and starts from the intact building', async () => {
    const out = await runCollapse(R, job(3));
    const bake = decodeBake(out.bytes);
    expect(bake.fragmentCount).toBe(out.stats.fragments);
    expect(bake.frameCount).toBe(37);
    expect(bake.triggerFrame).toBe(10);
    expect(bake.breaks.length).toBe(out.stats.breaks);
    const poses = expandPoses(bake);
    // frame 0 is the trigger frame: every fragment at its rest pose
    bake.fragments.forEach((f, i) => {
      for (let k = 0; k < 3; k++) expect(Math.abs(poses[0]![7 * i + k]! - f.centroid[k]!)).toBeLessThan(2e-3);
      expect(poses[0]![7 * i + 6]).toBeCloseTo(1, 4);
    });
    // by the end, things have fallen: the mean height of the fragments dropped
    const meanY = (p: Float32Array) => bake.fragments.reduce((s, _, i) => s + p[7 * i + 1]!, 0) / bake.fragmentCount;
    expect(meanY(poses[poses.length - 1]!)).toBeLessThan(meanY(poses[0]!) - 0.3);
    // compact: a frame stores only fragments that moved, never more than all of them
    const stored = bake.frames.reduce((s, f) => s + f.index.length, 0);
    expect(stored).toBeLessThan(bake.fragmentCount * bake.frameCount);
    expect(out.stats.bakeBytes).toBe(out.bytes.byteLength);
    // volumes carried into the bake: fragment volume equals the building's within 0.5 %
    expect(Math.abs(out.stats.fragmentVolume - out.stats.solidVolume) / out.stats.solidVolume).toBeLessThan(0.005);
  });

  it('can be cancelled between frames', async () => {
    let frames = 0;
    await expect(
      runCollapse(R, job(4), { onProgress: (stage) => void (stage === 'simulate' && frames++), cancelled: () => frames > 3 }),
    ).rejects.toThrow(/cancelled/);
  });
});
