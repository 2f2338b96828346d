import { describe, expect, it } from 'vitest';
import { getRuntime } from '../runtime';
import { DEBRIS_MODEL_ID, debrisEnv, spawnDebris, stepDebrisReference, STATE } from './particles';
import type { BakeBreak } from './bake';

const breaks: BakeBreak[] = Array.from({ length: 40 }, (_, i) => ({
  time: i * 0.05,
  pos: [i * 0.3, 6 - i * 0.1, 0] as [number, number, number],
  vel: [0, -i * 0.2, 0] as [number, number, number],
  area: 0.05 + (i % 7) * 0.03,
}));

describe('debris particles', () => {
  it('spawns exactly the budget where glue broke, in time order, from the seed', () => {
    const a = spawnDebris(breaks, 60_000, 9);
    const b = spawnDebris(breaks, 60_000, 9);
    const c = spawnDebris(breaks, 60_000, 10);
    expect(a.count).toBe(60_000);
    for (let i = 1; i < a.count; i++) expect(a.time[i]!).toBeGreaterThanOrEqual(a.time[i - 1]!);
    expect(Buffer.from(b.state.buffer).equals(Buffer.from(a.state.buffer))).toBe(true);
    expect(Buffer.from(c.state.buffer).equals(Buffer.from(a.state.buffer))).toBe(false);
    expect(a.dust.reduce((s, d) => s + d, 0) / a.count).toBeGreaterThan(0.5);
    expect(spawnDebris([], 60_000, 1).count).toBe(0);
  });

  it('the ONNX step graph matches the reference on the WASM backend and passes its card vectors', async () => {
    const rt = getRuntime();
    const sp = spawnDebris(breaks, 50_000, 3);
    const env = debrisEnv(9.81, 1 / 24);
    let state = sp.state;
    let ref = sp.state;
    for (let k = 0; k < 12; k++) {
      const { outputs, report } = await rt.run(DEBRIS_MODEL_ID, {
        state: { dtype: 'float32', dims: [sp.count, STATE], data: state },
        drag: { dtype: 'float32', dims: [sp.count, 1], data: sp.drag },
        env: { dtype: 'float32', dims: [1, 6], data: env },
      });
      expect(report.backend).toBe('wasm');
      state = outputs.next_state!.data as Float32Array;
      ref = stepDebrisReference(ref, sp.drag, env);
    }
    let worst = 0;
    for (let i = 0; i < ref.length; i++) worst = Math.max(worst, Math.abs(ref[i]! - state[i]!));
    expect(worst).toBeLessThan(1e-3);
    // nothing sinks below the ground
    for (let i = 0; i < sp.count; i++) expect(state[STATE * i + 1]!).toBeGreaterThanOrEqual(0);
    const vectors = await rt.testVectors(DEBRIS_MODEL_ID, { backend: 'wasm' });
    expect(vectors.length).toBe(2);
    for (const v of vectors) expect(v.failures).toEqual([]);
  });
});
