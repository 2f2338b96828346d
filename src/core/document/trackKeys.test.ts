// The tight check for track keys must agree with zod's Keyframe: what it admits, zod would output unchanged, and
// anything else goes to zod and is refused (or stripped) with zod's own message and path.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Keyframe, Track } from './schema';
import { describeZodError } from './load';

const track = (keys: unknown) => ({ id: 'trk_a', targetId: 'cam_a', property: 'transform.position', keys });
const reference = z.array(Keyframe).max(100_000);

describe('track keys', () => {
  const good = [
    { frame: 0, value: [1, 2, 3], interp: 'linear' },
    { frame: 1.5, value: 35, interp: 'bezier', ease: [0.4, 0, 0.2, 1] },
    { frame: 3, value: { hip: [0, 0.1, 0] }, interp: 'step' },
  ];
  it('admits what zod admits, with the same output', () => {
    const r = Track.safeParse(track(good));
    expect(r.success && r.data.keys).toEqual(reference.parse(good));
  });
  const bad: [string, unknown][] = [
    ['non-finite frame', [{ frame: Infinity, value: 1, interp: 'linear' }]],
    ['string frame', [{ frame: '1', value: 1, interp: 'linear' }]],
    ['NaN in a vector', [{ frame: 0, value: [1, NaN, 3], interp: 'linear' }]],
    ['unknown interpolation', [{ frame: 0, value: 1, interp: 'cubic' }]],
    ['short ease', [{ frame: 0, value: 1, interp: 'bezier', ease: [0, 0, 1] }]],
    ['a key that is not an object', [[0, 1]]],
    ['keys that are not a list', { 0: { frame: 0, value: 1, interp: 'linear' } }],
    ['no keys at all', undefined],
    ['one key too many', Array.from({ length: 100_001 }, (_, i) => ({ frame: i, value: 0, interp: 'step' }))],
  ];
  for (const [what, keys] of bad) {
    it(`refuses ${what} with zod's message under keys`, () => {
      const r = Track.safeParse(track(keys));
      expect(r.success).toBe(false);
      const ref = reference.safeParse(keys);
      expect(ref.success).toBe(false);
      if (r.success || ref.success) return;
      const first = ref.error.issues[0]!;
      expect(describeZodError(r.error)).toMatch(new RegExp(`^keys${first.path.length ? '\\.' + first.path.join('\\.') : ''}: `));
      expect(r.error.issues[0]!.message).toBe(first.message);
    });
  }
  it('strips an unknown field as zod does (it is not vouched for by the tight check)', () => {
    const r = Track.safeParse(track([{ frame: 0, value: 1, interp: 'linear', colour: 'red' }]));
    expect(r.success && r.data.keys).toEqual([{ frame: 0, value: 1, interp: 'linear' }]);
  });
});
