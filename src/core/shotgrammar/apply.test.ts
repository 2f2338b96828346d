// The line as one edit: a camera and its shot (with the words) added together, moves as keys on that camera,
// walls and actors kept clear of the lens, and every refusal leaving the document exactly as it was.
import { describe, expect, it } from 'vitest';
import { createObject } from '../document/factory';
import { serializeProject, loadProjectValue } from '../document';
import type { Camera, Track } from '../document/schema';
import { evaluateObject } from '../timeline/evaluate';
import { attitude } from '../lens';
import { testScene, T } from './fixture.testutil';
import { planFromWords } from './apply';
import { bodyMarks } from './body';
import { projectToFrame } from './project';
import { SIZE_FRAMING } from './framingTable';
import { blockedBy, blockers } from './obstacles';

const DEG = 180 / Math.PI;

describe('a line becomes one edit', () => {
  it('adds one camera and one shot carrying the words, and the file still validates', () => {
    const { project, sceneId } = testScene();
    const res = planFromWords('low-angle medium shot on Ana, 35 mm', { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
    if (!res.ok) throw new Error(res.error);
    const after = res.plan.edit(project);
    const s = after.scenes[sceneId]!;
    expect(Object.keys(s.objects).length).toBe(Object.keys(project.scenes[sceneId]!.objects).length + 1);
    const shot = s.shots[res.plan.shotIds[0]!]!;
    expect(shot).toMatchObject({ description: 'low-angle medium shot on Ana, 35 mm', size: 'MS', angle: 'low', cameraId: res.plan.cameraIds[0] });
    const cam = s.objects[res.plan.cameraIds[0]!] as Camera;
    // an ordinary camera: the template's body and lens set, the asked focal length, focus on the eyes
    expect(cam.body).toEqual((project.scenes[sceneId]!.objects.cam_main as Camera).body);
    expect(cam.lens).toMatchObject({ focalLengthMm: 35, lensSetId: 'cooke-s4i' });
    expect(loadProjectValue(JSON.parse(serializeProject(after))).ok).toBe(true);
  });

  it('turns moves into keys: push in to CU over 3 s lands on the close-up, focus following', () => {
    const { project, sceneId, scene } = testScene();
    const res = planFromWords('MS Ana, push in to CU over 3 s', { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
    if (!res.ok) throw new Error(res.error);
    const after = res.plan.edit(project);
    const camId = res.plan.cameraIds[0]!;
    const tracks = Object.values(after.scenes[sceneId]!.tracks).filter((t) => t.targetId === camId);
    expect(tracks.map((t) => t.property).sort()).toEqual(['lens.focusDistanceM', 'transform.position', 'transform.rotation']);
    const fps = project.settings.fps;
    const end = 3 * fps;
    expect((tracks.find((t) => t.property === 'transform.position') as Track).keys.map((k) => k.frame)).toEqual([0, end]);
    const eyes = bodyMarks(scene.objects.ana as never).points;
    const at = (f: number) => evaluateObject(after, sceneId, camId, f) as Camera;
    expect(projectToFrame(at(0), eyes.waist).row).toBeCloseTo(SIZE_FRAMING.MS.bottomRow, 6);
    expect(projectToFrame(at(end), eyes.shoulders).row).toBeCloseTo(SIZE_FRAMING.CU.bottomRow, 6);
    expect(projectToFrame(at(end), eyes.headTop).row).toBeCloseTo(SIZE_FRAMING.CU.topRow, 6);
    expect(at(end).lens.focusDistanceM).toBeCloseTo(projectToFrame(at(end), eyes.eyes).depth, 6);
    // the shot runs past the move's end
    expect(after.scenes[sceneId]!.shots[res.plan.shotIds[0]!]!.out).toBeGreaterThan(end);
  });

  it('dolly, crane, pan and tilt move as a grip would, in sequence', () => {
    const { project, sceneId } = testScene();
    const res = planFromWords('MS Ana, dolly left 2 m then crane up 1 m over 3 s then pan left 30° for 1 s', { project, sceneId, frame: 10, templateCameraId: 'cam_main' });
    if (!res.ok) throw new Error(res.error);
    const after = res.plan.edit(project);
    const id = res.plan.cameraIds[0]!;
    const at = (f: number) => evaluateObject(after, sceneId, id, f) as Camera;
    const fps = project.settings.fps;
    const p0 = at(10).transform.position, p1 = at(10 + 2 * fps).transform.position, p2 = at(10 + 5 * fps).transform.position;
    const pan0 = attitude(at(10).transform.rotation).pan;
    // dolly left: 2 m along the camera's left, level
    expect(Math.hypot(p1[0] - p0[0], p1[2] - p0[2])).toBeCloseTo(2, 6);
    expect(p1[1]).toBeCloseTo(p0[1], 9);
    expect(p2[1] - p1[1]).toBeCloseTo(1, 9);
    const a3 = attitude(at(10 + 6 * fps).transform.rotation);
    expect((a3.pan - pan0) * DEG).toBeCloseTo(30, 6);
    // mid-pan the head only pans: no roll, no tilt creeping in
    const mid = attitude(at(10 + 5 * fps + Math.round(fps / 2)).transform.rotation);
    expect(Math.abs(mid.dutch * DEG)).toBeLessThan(0.01);
    expect(Math.abs(mid.tilt * DEG)).toBeLessThan(0.01);
  });

  it('keeps the lens out of a wall, and says so', () => {
    const wall = createObject('setPiece', { id: 'wall', name: 'Back wall', shape: 'wall', size: [6, 3, 0.2], transform: T([0, 0, 2.4]) });
    const { project, sceneId } = testScene([wall]);
    const scene = project.scenes[sceneId]!;
    // Ben out of the way, so only the wall is in question
    scene.objects.ben = { ...scene.objects.ben!, transform: T([30, 0, 30]) };
    const res = planFromWords('MS Ana', { project, sceneId, frame: 0 });
    if (!res.ok) throw new Error(res.error);
    const p = res.plan.solved[0]!.camera.transform.position;
    // an MS on 35 mm wants the camera ~2.5 m in front of Ana: inside the wall; it ends up clear
    expect(blockedBy(blockers(scene, new Set(['ana'])), p)).toBeNull();
    expect(res.plan.warnings.join(' ')).toMatch(/inside Back wall; moved \d+° round/);
    expect(projectToFrame(res.plan.solved[0]!.camera, bodyMarks(scene.objects.ana as never).points.headTop).row).toBeCloseTo(SIZE_FRAMING.MS.topRow, 6);
  });

  it('says so when no clear spot exists', () => {
    const box = createObject('setPiece', { id: 'crate', name: 'Crate', shape: 'box', size: [12, 3, 12], transform: T([0, 0, 0]) });
    const { project, sceneId } = testScene([box]);
    const res = planFromWords('MS Ana', { project, sceneId, frame: 0 });
    if (!res.ok) throw new Error(res.error);
    expect(res.plan.warnings.join(' ')).toMatch(/inside Crate: no clear spot/);
  });
});

describe('refusals leave the document alone', () => {
  const cases: [string, RegExp][] = [
    ['MS on Anna', /Unknown word "anna" — did you mean "Ana"\?/],
    ['MS', /Which actor\?/],
    ['MS Ana 35mm 50mm', /Contradiction/],
    ['OTS of Ben onto Ana, ECU, 12mm', /puts the camera in front of Ben/],
    ['MS Ana dolly in 5 m', /would run into the subject/],
    ['MS Ana crane down 3 m', /under the floor/],
    ['cover Ana and Ana', /Coverage is of two actors; 1 named/],
    ['insert of Table, push in to CU', /re-frames an actor/],
    // pushing in over a shoulder on the same lens would drive the camera through the shoulder
    ["over Ben's shoulder onto Ana, push in to CU over 2 s", /puts the camera in front of Ben/],
  ];
  for (const [text, message] of cases) {
    it(`"${text}"`, () => {
      const { project, sceneId } = testScene();
      const before = serializeProject(project);
      const res = planFromWords(text, { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
      expect(res.ok).toBe(false);
      if (res.ok) return;
      expect(res.error).toMatch(message);
      expect(serializeProject(project)).toBe(before);
    });
  }

  it('refuses coverage of actors standing in one spot', () => {
    const { project, sceneId } = testScene();
    project.scenes[sceneId]!.objects.ben = { ...project.scenes[sceneId]!.objects.ben!, transform: T([0.05, 0, 0]) };
    const before = serializeProject(project);
    const res = planFromWords('cover Ana and Ben', { project, sceneId, frame: 0 });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(/same spot/);
    expect(serializeProject(project)).toBe(before);
  });
});
