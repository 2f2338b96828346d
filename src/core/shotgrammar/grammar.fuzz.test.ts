// Trying to get round the grammar's rules: thousands of lines made of its own words, numbers at the edges,
// junk and hostile names. It must never throw, never make a camera from a refused line, and every edit it
// does make must leave a document that validates (finite numbers, sizes the schema knows, words ≤ 1000 chars).
import { describe, expect, it } from 'vitest';
import { createObject } from '../document/factory';
import { loadProjectValue, serializeProject } from '../document';
import { PHRASES } from './vocabulary';
import { parseShot } from './parse';
import { planFromWords } from './apply';
import { testScene, T } from './fixture.testutil';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [...Object.keys(PHRASES), 'Ana', 'Ben', 'Table', 'Doorway', "Ben's", '35', '0', '-3', '1e9', '99999', 'NaN', '0.0001', '°', '((', '.*', '$&', '\u202e', 'x'.repeat(300)];

describe('shot grammar under hostile input', () => {
  it('never throws, and every accepted line gives a valid document; refused lines change nothing', () => {
    const weird = createObject('actor', { id: 'weird', name: 'Ana (stunt) .* $1', transform: T([3, 0, 3], 1) });
    const { project, sceneId } = testScene([weird]);
    const before = serializeProject(project);
    const r = rng(7);
    let accepted = 0;
    let refused = 0;
    for (let n = 0; n < 1500; n++) {
      const len = 1 + Math.floor(r() * 7);
      const words = Array.from({ length: len }, () => WORDS[Math.floor(r() * WORDS.length)]!).join(r() < 0.5 ? ' ' : ', ');
      // half the lines start as a valid shot, so the random tail is tried against the solver too
      const line = r() < 0.5 ? `${['MS on Ana', 'CU Ben', 'two-shot Ana and Ben', "over Ben's shoulder onto Ana", 'insert of Table'][Math.floor(r() * 5)]} ${words.split(' ').slice(0, 2).join(' ')}` : words;
      const res = planFromWords(line, { project, sceneId, frame: Math.floor(r() * 100), templateCameraId: r() < 0.5 ? 'cam_main' : null });
      if (!res.ok) {
        refused++;
        expect(typeof res.error, line).toBe('string');
        expect(res.error.length, line).toBeGreaterThan(5);
        continue;
      }
      accepted++;
      const after = res.plan.edit(project);
      const check = loadProjectValue(JSON.parse(serializeProject(after)));
      expect(check.ok ? '' : check.error, line).toBe('');
    }
    expect(serializeProject(project)).toBe(before);
    console.log(`grammar fuzz: 1500 lines, ${accepted} made shots, ${refused} refused with a message`);
    expect(accepted).toBeGreaterThan(20);
  });

  it('a name full of regex and quote characters is matched literally', () => {
    const ctx = { actors: [{ id: 'w', name: 'Ana (stunt) .* $1' }, { id: 'ana', name: 'Ana' }], objects: [] };
    const r = parseShot('CU ana (stunt) .* $1', ctx);
    expect(r.ok && r.kind === 'shot' && r.shot.subjectIds).toEqual(['w']);
  });

  it('an over-long line is kept to the 1000 characters the shot record allows', () => {
    const { project, sceneId } = testScene();
    const line = `MS on Ana${', eye level'.repeat(150)}`;
    const res = planFromWords(line, { project, sceneId, frame: 0 });
    if (!res.ok) throw new Error(res.error);
    const shot = res.plan.edit(project).scenes[sceneId]!.shots[res.plan.shotIds[0]!]!;
    expect(shot.description!.length).toBe(1000);
    expect(loadProjectValue(JSON.parse(serializeProject(res.plan.edit(project)))).ok).toBe(true);
  });

  it('numbers at the edges are refused, not turned into a camera', () => {
    const ctx = { actors: [{ id: 'ana', name: 'Ana' }], objects: [] };
    for (const line of ['MS Ana 0mm', 'MS Ana 2001 mm', 'MS Ana at 0 m', 'MS Ana at 101 m', 'dutch 0° MS Ana', 'MS Ana pan left 30° over 0 s', 'MS Ana push in over 601 s']) {
      expect(parseShot(line, ctx).ok, line).toBe(false);
    }
  });
});
