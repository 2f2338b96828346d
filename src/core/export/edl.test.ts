import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProjectText, type Project } from '../document';
import { RATE_CHOICES, rateRational } from '../timeline';
import { projectToEdl, reelNames } from './edl';
import { readEdl } from './edlRead.testutil';
import { otioJson } from './otio';
import { shotRows } from './shotlist';
import { exportFixture } from './storyboard.fixture';

function demo(): Project {
  const r = loadProjectText(readFileSync(new URL('../../../public/demo/street.previs.json', import.meta.url), 'utf8'));
  if (!r.ok) throw new Error(r.error);
  return r.project;
}

/** The OTIO export's clips as editorial reads them: source range, and record position from the global start. */
function otioEvents(json: string) {
  const t = JSON.parse(json);
  let rec = t.global_start_time.value as number;
  return (t.tracks.children[0].children as any[]).map((c) => {
    const e = { name: c.name as string, srcIn: c.source_range.start_time.value as number, srcOut: c.source_range.start_time.value + c.source_range.duration.value, recIn: rec, recOut: rec + c.source_range.duration.value };
    rec = e.recOut;
    return e;
  });
}

describe('CMX 3600 EDL', () => {
  it('the demo project: every event agrees with the OTIO export, read by an independent reader', () => {
    const p = demo();
    const sceneId = p.sceneOrder[0]!;
    const r = rateRational(p.settings.fps);
    const edl = readEdl(projectToEdl(p, sceneId), [r.num, r.den]);
    const otio = otioEvents(otioJson(p, sceneId));
    expect(edl.events.length).toBe(shotRows(p, sceneId).length);
    expect(edl.events.length).toBeGreaterThan(1);
    expect(edl.title).toBe(`${p.name} — ${p.scenes[sceneId]!.name}`);
    edl.events.forEach((e, i) => {
      expect(e.event).toBe(i + 1);
      expect([e.srcIn, e.srcOut, e.recIn, e.recOut], `event ${i + 1}`).toEqual([otio[i]!.srcIn, otio[i]!.srcOut, otio[i]!.recIn, otio[i]!.recOut]);
      expect(e.clipName).toBe(otio[i]!.name);
      expect([e.track, e.transition]).toEqual(['V', 'C']);
    });
    expect(edl.events[0]!.timecodes[2]).toBe('01:00:00:00');
  });

  it.each(RATE_CHOICES.map((c) => [c.label, c] as const))('agrees with OTIO at %s, FCM saying drop or non-drop', (_l, c) => {
    const base = exportFixture(c.fps);
    const p = { ...base.p, settings: { ...base.p.settings, dropFrame: c.dropFrame } };
    const r = rateRational(c.fps);
    const text = projectToEdl(p, base.sceneId, { startHour: 10 });
    const edl = readEdl(text, [r.num, r.den]);
    expect(edl.dropFrame).toBe(c.dropFrame);
    const otio = otioEvents(otioJson(p, base.sceneId, { startHour: 10 }));
    expect(edl.events.map((e) => [e.srcIn, e.srcOut, e.recIn, e.recOut])).toEqual(otio.map((o) => [o.srcIn, o.srcOut, o.recIn, o.recOut]));
    expect(edl.events[0]!.timecodes[2]).toBe(c.dropFrame ? '10:00:00;00' : '10:00:00:00');
    // the record side is butt-joined: each event starts where the last ended
    for (let i = 1; i < edl.events.length; i++) expect(edl.events[i]!.recIn).toBe(edl.events[i - 1]!.recOut);
  });

  it('keeps names on their comment line: a newline in a shot name cannot forge an event', () => {
    const { p, sceneId } = exportFixture(25);
    const shots = p.scenes[sceneId]!.shots;
    const first = Object.keys(shots)[0]!;
    const forged = { ...p, scenes: { ...p.scenes, [sceneId]: { ...p.scenes[sceneId]!, shots: { ...shots, [first]: { ...shots[first]!, name: 'Wide\r\n099  EVIL     V     C        00:00:00:00 00:00:01:00 01:00:00:00 01:00:01:00', notes: 'a\nb' } } } } };
    const text = projectToEdl(forged, sceneId);
    const edl = readEdl(text, [25, 1]);
    expect(edl.events.map((e) => e.event)).toEqual([1, 2, 3]);
    expect(edl.events.some((e) => e.reel === 'EVIL')).toBe(false);
    expect(edl.events[0]!.clipName).toContain('099  EVIL');
  });

  it('reel names fit the 8-character field, ASCII, one per camera, never clashing', () => {
    const rows = [
      { cameraId: 'a', cameraName: 'Kamera Łódź główna' },
      { cameraId: 'b', cameraName: 'Kamera Łódź główna 2' },
      { cameraId: 'c', cameraName: 'Москва' },
      { cameraId: 'a', cameraName: 'Kamera Łódź główna' },
    ] as any;
    const reels = reelNames(rows);
    expect([...reels.values()]).toEqual(['KAMERA_O', 'KAMERA_2', 'CAM']);
    for (const r of reels.values()) expect(r).toMatch(/^[A-Z0-9_]{1,8}$/);
  });

  it('refuses a scene without shots with a clear error', () => {
    const { p, sceneId } = exportFixture(24);
    const empty = { ...p, scenes: { ...p.scenes, [sceneId]: { ...p.scenes[sceneId]!, shots: {} } } };
    expect(() => projectToEdl(empty, sceneId)).toThrow(/no shots/);
  });
});
