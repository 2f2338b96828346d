import { describe, expect, it } from 'vitest';
import { newProject, createObject, addObjects, type Project } from '../document';
import { setKey, findTrack } from './keys';
import { numericChannels, sampleChannel, frameAll, dragKeyEdit, channelValue, type KeyDrag } from './curveEdit';
import { evaluateTrack } from './track';

function fixture() {
  let p = newProject('c', '2026-01-01T00:00:00.000Z');
  const sid = p.sceneOrder[0]!;
  p = addObjects(sid, [createObject('camera', { id: 'cam', name: 'A cam' }), createObject('actor', { id: 'act', name: 'B actor' })])(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 0, value: 35, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 24, value: 50, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'lens.focalLengthMm', { frame: 48, value: 85, interp: 'linear' })(p);
  p = setKey(sid, 'cam', 'transform.position', { frame: 0, value: [0, 1.6, 6], interp: 'linear' })(p);
  p = setKey(sid, 'act', 'pose', { frame: 0, value: { elbowL: [0, 0, 1] } })(p);
  return { p, sid };
}
const track = (p: Project, sid: string, prop: string) => findTrack(p.scenes[sid]!, 'cam', prop)!;

describe('curve channels', () => {
  it('lists a number track as one channel and a vector as one per axis; poses are not curves', () => {
    const { p, sid } = fixture();
    expect(numericChannels(p.scenes[sid]!).map((c) => [c.label, c.component])).toEqual([
      ['A cam · Focal length', null],
      ['A cam · Position X', 0],
      ['A cam · Position Y', 1],
      ['A cam · Position Z', 2],
    ]);
    expect(channelValue([1, 2, 3], 2)).toBe(3);
    expect(channelValue(5, null)).toBe(5);
    expect(channelValue(5, 0)).toBeNaN();
  });
  it('samples through the evaluator, ends included', () => {
    const { p, sid } = fixture();
    const t = track(p, sid, 'lens.focalLengthMm');
    const s = sampleChannel(t, null, 0, 48, 5);
    expect(s).toEqual([[0, 35], [12, 42.5], [24, 50], [36, 67.5], [48, 85]]);
    for (const [f, v] of sampleChannel(t, null, -3, 50, 17)) expect(v).toBe(evaluateTrack(t, f));
  });
  it('frames all keys and the value range with margins', () => {
    const { p, sid } = fixture();
    const b = frameAll(track(p, sid, 'lens.focalLengthMm'), null, 0.1);
    expect(b.f0).toBeCloseTo(-4.8);
    expect(b.f1).toBeCloseTo(52.8);
    expect(b.v0).toBeCloseTo(30);
    expect(b.v1).toBeCloseTo(90);
    // one flat key still gets a usable window
    const one = frameAll(track(p, sid, 'transform.position'), 2, 0);
    expect(one.f1 - one.f0).toBe(24);
    expect(one.v1).toBeGreaterThan(one.v0);
  });
  it('frame-all includes an ease overshoot between keys', () => {
    const t = {
      keys: [
        { frame: 0, value: 0, interp: 'bezier' as const, ease: [0.3, 1.6, 0.6, 1] as [number, number, number, number] },
        { frame: 10, value: 10, interp: 'linear' as const },
      ],
    };
    expect(frameAll(t, null, 0).v1).toBeGreaterThan(10.5);
  });
});

describe('dragging a key', () => {
  it('moves time and value together, from the keys at drag start (absolute, so pointer moves can re-apply it)', () => {
    const { p, sid } = fixture();
    const t = track(p, sid, 'lens.focalLengthMm');
    const d: KeyDrag = { sceneId: sid, trackId: t.id, component: null, original: t.keys, from: 24 };
    let cur = p;
    for (const [f, v] of [[25, 52], [30.4, 60], [31, 61]] as const) cur = dragKeyEdit(d, f, v)(cur);
    expect(track(cur, sid, 'lens.focalLengthMm').keys.map((k) => [k.frame, k.value])).toEqual([[0, 35], [31, 61], [48, 85]]);
  });
  it('passing over a key replaces it only while resting there', () => {
    const { p, sid } = fixture();
    const t = track(p, sid, 'lens.focalLengthMm');
    const d: KeyDrag = { sceneId: sid, trackId: t.id, component: null, original: t.keys, from: 24 };
    const over = dragKeyEdit(d, 48, 70)(p);
    expect(track(over, sid, 'lens.focalLengthMm').keys.map((k) => k.frame)).toEqual([0, 48]);
    const past = dragKeyEdit(d, 40, 70)(over);
    expect(track(past, sid, 'lens.focalLengthMm').keys.map((k) => [k.frame, k.value])).toEqual([[0, 35], [40, 70], [48, 85]]);
  });
  it('sets one component of a vector key and clamps to the property range', () => {
    const { p, sid } = fixture();
    const t = track(p, sid, 'transform.position');
    const out = dragKeyEdit({ sceneId: sid, trackId: t.id, component: 2, original: t.keys, from: 0 }, 0, 3.5)(p);
    expect(track(out, sid, 'transform.position').keys[0]!.value).toEqual([0, 1.6, 3.5]);
    const f = track(p, sid, 'lens.focalLengthMm');
    const low = dragKeyEdit({ sceneId: sid, trackId: f.id, component: null, original: f.keys, from: 0 }, 0, -20)(p);
    expect(track(low, sid, 'lens.focalLengthMm').keys[0]!.value).toBe(1);
  });
  it('a drag back to where it began changes nothing', () => {
    const { p, sid } = fixture();
    const t = track(p, sid, 'lens.focalLengthMm');
    const d: KeyDrag = { sceneId: sid, trackId: t.id, component: null, original: t.keys, from: 24 };
    expect(dragKeyEdit(d, 24, 50)(p)).toBe(p);
    expect(() => dragKeyEdit(d, NaN, 1)(p)).toThrow(/finite/);
  });
});
