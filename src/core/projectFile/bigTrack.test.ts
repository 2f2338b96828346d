// Schema maxima the app can handle: a track with the schema's maximum of keys is admitted (or refused) in seconds,
// and evaluating it per frame stays cheap (binary search on sorted keys, no per-frame sort).
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../document';
import { evaluateScene } from '../timeline/evaluate';
import { admitProjectText } from './admit';
import { bigTrackProject } from './bigTrack.testutil';

describe('a 100,000-key track', () => {
  it('is admitted in under 5 s, and a frame evaluates in milliseconds', () => {
    const text = serializeProject(bigTrackProject(100_000));
    const t0 = performance.now();
    const r = admitProjectText(text);
    const admitMs = performance.now() - t0;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t1 = performance.now();
    for (let f = 0; f < 100; f++) evaluateScene(r.project, 'scene_street', f * 250.5);
    const frameMs = (performance.now() - t1) / 100;
    console.log(`100,000-key track (${(text.length / 2 ** 20).toFixed(1)} MiB): admitted in ${admitMs.toFixed(0)} ms; ${frameMs.toFixed(2)} ms a frame`);
    expect(admitMs).toBeLessThan(5000);
    expect(frameMs).toBeLessThan(20);
  }, 60_000);
});
