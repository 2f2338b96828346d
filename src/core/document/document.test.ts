import { describe, expect, it } from 'vitest';
import {
  CURRENT_SCHEMA_VERSION,
  loadProjectText,
  loadProjectValue,
  migrate,
  MIGRATIONS,
  newProject,
  serializeProject,
  createObject,
  createShot,
  addObjects,
  upsertShot,
  type Project,
} from './index';
import { buildDemoProject } from './demo';
import { readFileSync } from 'node:fs';

function sample(): Project {
  const p = newProject('Round trip');
  const sid = p.sceneOrder[0]!;
  const cam = createObject('camera');
  const withObjects = addObjects(sid, [createObject('setPiece'), createObject('building'), createObject('actor'), cam, createObject('light')])(p);
  return upsertShot(sid, createShot(cam.id, '1A', 0, 48))(withObjects);
}

describe('scene document', () => {
  it('round-trips: save → load gives an equal document', () => {
    const p = sample();
    const r = loadProjectText(serializeProject(p));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.project).toEqual(p);
  });

  it('keeps a focal length exactly (35 stays 35, never 34.98)', () => {
    const p = sample();
    const sid = p.sceneOrder[0]!;
    const cam = Object.values(p.scenes[sid]!.objects).find((o) => o.type === 'camera')!;
    if (cam.type !== 'camera') throw new Error('no camera');
    const r = loadProjectText(serializeProject(p));
    if (!r.ok) throw new Error(r.error);
    const back = r.project.scenes[sid]!.objects[cam.id]!;
    expect(back.type === 'camera' && back.lens.focalLengthMm).toBe(35);
  });

  it('the committed demo project is the one the demo builder makes and it loads', () => {
    const text = readFileSync(new URL('../../../public/demo/street.previs.json', import.meta.url), 'utf8');
    const r = loadProjectText(text);
    if (!r.ok) throw new Error(r.error);
    expect(r.project).toEqual(buildDemoProject());
    const objs = Object.values(r.project.scenes[r.project.sceneOrder[0]!]!.objects);
    expect(objs.filter((o) => o.type === 'building').length).toBeGreaterThanOrEqual(2);
    expect(objs.filter((o) => o.type === 'actor').length).toBe(2);
    expect(objs.filter((o) => o.type === 'camera').length).toBe(2);
  });

  it('refuses a file of a future version, naming the field', () => {
    const raw = JSON.parse(serializeProject(sample()));
    raw.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    const r = loadProjectValue(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^schemaVersion: .*newer/);
  });

  it('names the field of a wrong type', () => {
    const raw = JSON.parse(serializeProject(sample()));
    const sid = raw.sceneOrder[0];
    const id = Object.keys(raw.scenes[sid].objects)[0]!;
    raw.scenes[sid].objects[id].transform.position[1] = 'high';
    const r = loadProjectValue(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(`scenes.${sid}.objects.${id}.transform.position.1`);
  });

  it('refuses broken references: a shot on a missing camera', () => {
    const raw = JSON.parse(serializeProject(sample()));
    const sid = raw.sceneOrder[0];
    const shotId = Object.keys(raw.scenes[sid].shots)[0]!;
    raw.scenes[sid].shots[shotId].cameraId = 'nope';
    const r = loadProjectValue(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toBe(`scenes.${sid}.shots.${shotId}.cameraId: "nope" is not a camera in this scene`);
  });

  it('refuses truncated JSON and non-projects with a message', () => {
    const text = serializeProject(sample());
    const r = loadProjectText(text.slice(0, text.length / 2));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^file: not valid JSON/);
    const r2 = loadProjectText('{"kind":"something-else"}');
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.error).toMatch(/^kind:/);
  });
});

describe('migrations', () => {
  it('has one step per version up to the current one', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1));
  });

  it('1 → 2 adds tracks and the ledger, keeping everything else', () => {
    const v2 = JSON.parse(serializeProject(sample()));
    const v1 = structuredClone(v2);
    v1.schemaVersion = 1;
    delete v1.ledger;
    for (const s of Object.values(v1.scenes) as Record<string, unknown>[]) delete s.tracks;
    const m = migrate(v1);
    expect(m.ok).toBe(true);
    const r = loadProjectValue(v1);
    if (!r.ok) throw new Error(r.error);
    expect(r.migrations).toHaveLength(CURRENT_SCHEMA_VERSION - 1);
    expect(JSON.parse(serializeProject(r.project))).toEqual(v2);
  });

  it('2 → 3 gives every shot an empty description and keeps the rest; FS and INSERT sizes load after it', () => {
    const v3 = JSON.parse(serializeProject(sample()));
    const scene = Object.values(v3.scenes)[0] as { shots: Record<string, Record<string, unknown>>; shotOrder: string[] };
    scene.shots.sh_words = { id: 'sh_words', number: '9', name: 'Words', cameraId: Object.keys((Object.values(v3.scenes)[0] as { objects: Record<string, { type: string }> }).objects).find((id) => (Object.values(v3.scenes)[0] as { objects: Record<string, { type: string }> }).objects[id]!.type === 'camera'), in: 0, out: 10, take: 1, size: 'FS', angle: null, notes: '', description: '' };
    scene.shotOrder.push('sh_words');
    const v2 = structuredClone(v3);
    v2.schemaVersion = 2;
    for (const sh of Object.values((Object.values(v2.scenes)[0] as { shots: Record<string, Record<string, unknown>> }).shots)) delete sh.description;
    const r = loadProjectValue(v2);
    if (!r.ok) throw new Error(r.error);
    expect(r.migrations).toContainEqual(expect.stringMatching(/^2→3/));
    expect(JSON.parse(serializeProject(r.project))).toEqual(v3);
    // a description survives a save and a load unchanged
    const words = structuredClone(v3);
    (Object.values(words.scenes)[0] as { shots: Record<string, Record<string, unknown>> }).shots.sh_words!.description = 'MS on Ana, low angle, 35 mm';
    const back = loadProjectValue(words);
    if (!back.ok) throw new Error(back.error);
    expect(Object.values(back.project.scenes)[0]!.shots.sh_words!.description).toBe('MS on Ana, low angle, 35 mm');
  });

  it('refuses a version it never wrote', () => {
    const raw = JSON.parse(serializeProject(sample()));
    raw.schemaVersion = 0;
    const r = loadProjectValue(raw);
    expect(r.ok).toBe(false);
  });
});

describe('checkTouchedReferences agrees with the whole check for additions and field changes', () => {
  it('finds a broken link in the touched records, and passes what the whole check passes', async () => {
    const { buildDemoProject } = await import('./demo');
    const { checkReferences, checkTouchedReferences } = await import('./references');
    const p = buildDemoProject();
    const sid = p.sceneOrder[0]!;
    const scene = p.scenes[sid]!;
    const touched = (objects: string[], shots: string[] = [], hierarchy = false) => ({
      scenes: new Map([[sid, { objects: new Set(objects), shots: new Set(shots), tracks: new Set<string>(), shell: false, hierarchy }]]),
      assets: new Set<string>(),
      ledger: false,
      meta: false,
    });
    const withObjects = (o: Record<string, unknown>) => ({ ...p, scenes: { ...p.scenes, [sid]: { ...scene, objects: { ...scene.objects, ...o } } } }) as typeof p;
    const cases: [typeof p, ReturnType<typeof touched>][] = [
      [withObjects({ car_1: { ...scene.objects.car_1!, name: 'Taxi' } }), touched(['car_1'])],
      [withObjects({ car_1: { ...scene.objects.car_1!, parentId: 'ghost' } }), touched(['car_1'])],
      [withObjects({ car_1: { ...scene.objects.car_1!, parentId: 'lamp_1' }, lamp_1: { ...scene.objects.lamp_1!, parentId: 'car_1' } }), touched(['car_1', 'lamp_1'], [], true)],
      [{ ...p, scenes: { ...p.scenes, [sid]: { ...scene, shots: { ...scene.shots, shot_1: { ...scene.shots.shot_1!, cameraId: 'car_1' } } } } }, touched([], ['shot_1'])],
      [{ ...p, scenes: { ...p.scenes, [sid]: { ...scene, shots: { ...scene.shots, shot_1: { ...scene.shots.shot_1!, out: 0 } } } } }, touched([], ['shot_1'])],
    ];
    for (const [q, t] of cases) {
      const whole = checkReferences(q);
      const part = checkTouchedReferences(q, t);
      expect(part === null, `${whole} vs ${part}`).toBe(whole === null);
      if (whole) expect(part).toBe(whole);
    }
  });
});
