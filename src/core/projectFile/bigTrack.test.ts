// Schema maxima the app can handle: a track with the schema's maximum of keys is admitted (or refused) in seconds,
// and evaluating it per frame stays cheap (binary search on sorted keys, no per-frame sort).
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../document';
import { buildDemoProject } from '../document/demo';
import { evaluateScene } from '../timeline/evaluate';
import { admitProjectText } from './admit';

export function bigTrackProject(keys: number, shuffled = false) {
  const p = buildDemoProject();
  const s = p.scenes.scene_street!;
  const frames = Array.from({ length: keys }, (_, i) => i * 0.25);
  if (shuffled) frames.reverse();
  const track = { id: 'trk_big', targetId: 'cam_a', property: 'transform.position', keys: frames.map((frame) => ({ frame, value: [Math.sin(frame), 1.6, Math.cos(frame)], interp: 'linear' as const })) };
  return { ...p, settings: { ...p.settings, frameOut: keys / 4 }, scenes: { scene_street: { ...s, tracks: { ...s.tracks, trk_big: track } } } };
}

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
