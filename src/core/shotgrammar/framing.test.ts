// The phrase table: every line is parsed, solved, and the camera it makes is checked by exact projection of
// the mannequin's body marks (the same pinhole the look-through draws): the shot size's upper mark and framing
// line on their rows, the angle's pitch, the lens asked for, look room, focus on the eyes.
import { describe, expect, it } from 'vitest';
import { attitude, cameraFieldOfView, rotationFromAttitude } from '../lens';
import type { Actor, Camera } from '../document/schema';
import { evaluateObject } from '../timeline/evaluate';
import { testScene, actor } from './fixture.testutil';
import { planFromWords } from './apply';
import { bodyMarks } from './body';
import { projectToFrame, type PlacedCamera } from './project';
import { SIZE_FRAMING, INSERT_FRAMING, LOOK_ROOM_NDC, OTS_FACE_NDC, OTS_SHOULDER_NDC } from './framingTable';
import { boxCorners, objectBox } from './insert';
import type { SizeCode } from './vocabulary';
import type { CameraSetup } from './camera';

/** Stated tolerance: marks within 0.5 % of the frame height (or width for columns) of their rows. */
const ROW_TOL = 0.005;
const PITCH_TOL_DEG = 3;
const DEG = 180 / Math.PI;

type Kind = 'single' | 'two' | 'ots' | 'pov' | 'insert' | 'overhead';
interface Row {
  phrase: string;
  kind: Kind;
  size?: SizeCode;
  /** framed actor(s); for OTS the face; for POV whose eyes */
  who: string[];
  /** expected pitch in degrees; 'free' when a camera height was asked instead */
  pitch?: number | 'free';
  mm?: number;
  dutch?: number;
  /** the camera height asked, metres */
  height?: number;
  /** side: which way the eyes should sit off centre (−1 left, 0 centre, 1 right); undefined: not checked */
  lookRoom?: -1 | 0 | 1;
  /** the lower framing line may float (angle and height both held, or the floor stopped the camera) */
  floats?: boolean;
  foreground?: string;
  /** the size asked for, when the solver had to widen it to hold everyone */
  widenedFrom?: SizeCode;
  /** a push in / pull out: the size the last key frames */
  endSize?: Exclude<SizeCode, 'INSERT'>;
}

// Ana stands at the origin facing +z; Ben 2.4 m in front of her, facing her. Lenses: Cooke S4/i on Super 35
// at 2.39:1 (normal ≈ 27 mm, so "wide lens" → 14 mm, "normal lens" → 27 mm, "long lens" → 65 mm).
const TABLE: Row[] = [
  // sizes, eye level, front, default lens (snapped into the set)
  { phrase: 'EWS Ana', kind: 'single', size: 'EWS', who: ['ana'], pitch: 0, mm: 18, lookRoom: 0 },
  { phrase: 'extreme wide shot of Ben', kind: 'single', size: 'EWS', who: ['ben'], pitch: 0, mm: 18, lookRoom: 0 },
  { phrase: 'WS Ana', kind: 'single', size: 'WS', who: ['ana'], pitch: 0, mm: 25, lookRoom: 0 },
  { phrase: 'wide shot, Ben', kind: 'single', size: 'WS', who: ['ben'], pitch: 0, mm: 25 },
  { phrase: 'LS ana', kind: 'single', size: 'LS', who: ['ana'], pitch: 0, mm: 25 },
  { phrase: 'long shot on BEN', kind: 'single', size: 'LS', who: ['ben'], pitch: 0, mm: 25 },
  { phrase: 'FS Ana', kind: 'single', size: 'FS', who: ['ana'], pitch: 0, mm: 27, lookRoom: 0 },
  { phrase: 'full shot Ben', kind: 'single', size: 'FS', who: ['ben'], pitch: 0, mm: 27 },
  { phrase: 'MLS Ana', kind: 'single', size: 'MLS', who: ['ana'], pitch: 0, mm: 32 },
  { phrase: 'cowboy on Ben', kind: 'single', size: 'MLS', who: ['ben'], pitch: 0, mm: 32 },
  { phrase: 'medium long shot Ana', kind: 'single', size: 'MLS', who: ['ana'], pitch: 0, mm: 32 },
  { phrase: 'MS Ana', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 35, lookRoom: 0 },
  { phrase: 'medium shot on Ben', kind: 'single', size: 'MS', who: ['ben'], pitch: 0, mm: 35 },
  { phrase: 'mid shot ana', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 35 },
  { phrase: 'MCU Ana', kind: 'single', size: 'MCU', who: ['ana'], pitch: 0, mm: 50 },
  { phrase: 'medium close-up Ben', kind: 'single', size: 'MCU', who: ['ben'], pitch: 0, mm: 50 },
  { phrase: 'CU Ana', kind: 'single', size: 'CU', who: ['ana'], pitch: 0, mm: 65, lookRoom: 0 },
  { phrase: 'Close-Up on Ben', kind: 'single', size: 'CU', who: ['ben'], pitch: 0, mm: 65 },
  { phrase: 'closeup ana', kind: 'single', size: 'CU', who: ['ana'], pitch: 0, mm: 65 },
  { phrase: 'ECU Ana', kind: 'single', size: 'ECU', who: ['ana'], pitch: 0, mm: 100 },
  { phrase: 'extreme close up Ben', kind: 'single', size: 'ECU', who: ['ben'], pitch: 0, mm: 100 },
  // angles
  { phrase: 'low-angle medium shot on Ana, 35 mm', kind: 'single', size: 'MS', who: ['ana'], pitch: 20, mm: 35 },
  { phrase: 'MS Ben low angle', kind: 'single', size: 'MS', who: ['ben'], pitch: 20, mm: 35 },
  { phrase: 'high angle MS Ana', kind: 'single', size: 'MS', who: ['ana'], pitch: -20, mm: 35 },
  { phrase: 'CU Ben, high', kind: 'single', size: 'CU', who: ['ben'], pitch: -20, mm: 65 },
  { phrase: 'eye level CU Ana', kind: 'single', size: 'CU', who: ['ana'], pitch: 0, mm: 65 },
  { phrase: 'MCU Ben eye-level 40mm', kind: 'single', size: 'MCU', who: ['ben'], pitch: 0, mm: 40 },
  { phrase: "worm's-eye MCU Ana", kind: 'single', size: 'MCU', who: ['ana'], pitch: 45, mm: 50 },
  { phrase: 'worms eye FS Ben', kind: 'single', size: 'FS', who: ['ben'], pitch: 45, mm: 27, floats: true },
  { phrase: 'low angle WS Ana', kind: 'single', size: 'WS', who: ['ana'], pitch: 20, mm: 25, floats: true },
  { phrase: 'high angle FS Ben', kind: 'single', size: 'FS', who: ['ben'], pitch: -20, mm: 27 },
  { phrase: "overhead MS Ana", kind: 'overhead', size: 'MS', who: ['ana'], pitch: -90, mm: 35 },
  { phrase: "bird's-eye wide shot Ben", kind: 'overhead', size: 'WS', who: ['ben'], pitch: -90, mm: 25 },
  { phrase: 'dutch MCU Ana', kind: 'single', size: 'MCU', who: ['ana'], pitch: 0, mm: 50, dutch: 15 },
  { phrase: 'Dutch 20° CU Ben', kind: 'single', size: 'CU', who: ['ben'], pitch: 0, mm: 65, dutch: 20 },
  { phrase: '10° dutch MS Ana low angle', kind: 'single', size: 'MS', who: ['ana'], pitch: 20, mm: 35, dutch: 10 },
  // sides and look room (Ana faces +z: her left is +x)
  { phrase: '3/4 left MCU Ana', kind: 'single', size: 'MCU', who: ['ana'], pitch: 0, mm: 50, lookRoom: 1 },
  { phrase: 'three-quarter right MCU Ana', kind: 'single', size: 'MCU', who: ['ana'], pitch: 0, mm: 50, lookRoom: -1 },
  { phrase: 'profile left CU Ana', kind: 'single', size: 'CU', who: ['ana'], pitch: 0, mm: 65, lookRoom: 1 },
  { phrase: 'right profile MS Ben', kind: 'single', size: 'MS', who: ['ben'], pitch: 0, mm: 35 },
  { phrase: 'MS Ana from behind', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 35, lookRoom: 0 },
  { phrase: 'back FS Ben', kind: 'single', size: 'FS', who: ['ben'], pitch: 0, mm: 27 },
  { phrase: 'frontal CU Ben', kind: 'single', size: 'CU', who: ['ben'], pitch: 0, mm: 65, lookRoom: 0 },
  { phrase: '¾ left high angle MS Ben', kind: 'single', size: 'MS', who: ['ben'], pitch: -20, mm: 35 },
  // lenses: by millimetres (in the set or not) and by name
  { phrase: 'MS Ana 25mm', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 25 },
  { phrase: 'MS Ana 85 mm', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 85 },
  { phrase: 'CU Ben on 135 millimetres', kind: 'single', size: 'CU', who: ['ben'], pitch: 0, mm: 135 },
  { phrase: 'MCU Ana, long lens', kind: 'single', size: 'MCU', who: ['ana'], pitch: 0, mm: 65 },
  { phrase: 'WS Ben wide lens', kind: 'single', size: 'WS', who: ['ben'], pitch: 0, mm: 14 },
  { phrase: 'FS Ana normal lens', kind: 'single', size: 'FS', who: ['ana'], pitch: 0, mm: 27 },
  { phrase: 'medium shot Ana telephoto', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 65 },
  { phrase: 'ECU Ben 150mm low angle', kind: 'single', size: 'ECU', who: ['ben'], pitch: 20, mm: 150 },
  // camera heights (the tilt follows) and height with an angle (the framing line floats)
  { phrase: 'MS Ana at 1.2 m', kind: 'single', size: 'MS', who: ['ana'], pitch: 'free', height: 1.2, mm: 35 },
  { phrase: 'MCU Ben at 180 cm', kind: 'single', size: 'MCU', who: ['ben'], pitch: 'free', height: 1.8, mm: 50 },
  { phrase: 'FS Ana from the floor', kind: 'single', size: 'FS', who: ['ana'], pitch: 'free', height: 0.15, mm: 27 },
  { phrase: 'MS Ben waist height', kind: 'single', size: 'MS', who: ['ben'], pitch: 'free', height: 1.0, mm: 35 },
  { phrase: 'high angle MS Ana at 3 m', kind: 'single', size: 'MS', who: ['ana'], pitch: -20, height: 3, mm: 35, floats: true },
  // position hints
  { phrase: 'wide, eye level, from the doorway, Ana', kind: 'single', size: 'WS', who: ['ana'], pitch: 0, mm: 25 },
  { phrase: 'MS Ben from the Table', kind: 'single', size: 'MS', who: ['ben'], pitch: 0, mm: 35 },
  // two-shots and groups
  // (Ana and Ben stand 2.4 m apart: a medium two-shot cannot hold both across a 2.39 frame, so it widens)
  { phrase: 'two-shot Ana and Ben', kind: 'two', size: 'MLS', widenedFrom: 'MS', who: ['ana', 'ben'], pitch: 0, mm: 35 },
  { phrase: '2-shot FS Ana & Ben', kind: 'two', size: 'FS', who: ['ana', 'ben'], pitch: 0, mm: 27 },
  { phrase: 'WS of Ana and Ben, high angle', kind: 'two', size: 'WS', who: ['ana', 'ben'], pitch: -20, mm: 25 },
  { phrase: 'two shot ana ben 18mm MS', kind: 'two', size: 'MLS', widenedFrom: 'MS', who: ['ana', 'ben'], pitch: 0, mm: 18 },
  { phrase: 'group shot Ana, Ben', kind: 'two', size: 'FS', who: ['ana', 'ben'], pitch: 0, mm: 27 },
  // over the shoulder
  { phrase: "over Ben's shoulder onto Ana", kind: 'ots', size: 'MCU', who: ['ana'], foreground: 'ben', pitch: 0 },
  { phrase: 'OTS of Ana onto Ben, CU', kind: 'ots', size: 'CU', who: ['ben'], foreground: 'ana', pitch: 0 },
  { phrase: 'over the shoulder of Ben to Ana, MS, 75mm', kind: 'ots', size: 'MS', who: ['ana'], foreground: 'ben', pitch: 0, mm: 75 },
  { phrase: "Ana over Ben's left shoulder, 100 mm", kind: 'ots', size: 'MCU', who: ['ana'], foreground: 'ben', pitch: 0, mm: 100 },
  { phrase: "OTS Ana on Ben low angle 65mm", kind: 'ots', size: 'MCU', who: ['ben'], foreground: 'ana', pitch: 20, mm: 65 },
  // moves: the opening frame as asked, the last key on the end size
  { phrase: 'MS Ana, push in to CU over 3 s', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 35, endSize: 'CU' },
  { phrase: 'CU Ben pull back to MLS for 4 seconds', kind: 'single', size: 'CU', who: ['ben'], pitch: 0, mm: 65, endSize: 'MLS' },
  { phrase: 'low angle MCU Ana, push in', kind: 'single', size: 'MCU', who: ['ana'], pitch: 20, mm: 50, endSize: 'CU' },
  { phrase: "over Ben's shoulder onto Ana, pull back to MS over 2 s", kind: 'ots', size: 'MCU', who: ['ana'], foreground: 'ben', pitch: 0, endSize: 'MS' },
  { phrase: 'MS Ana dolly left 1 m then pan to Ben', kind: 'single', size: 'MS', who: ['ana'], pitch: 0, mm: 35 },
  // POV and inserts
  { phrase: 'POV of Ana onto Ben', kind: 'pov', who: ['ben'], foreground: 'ana', mm: 27 },
  { phrase: "Ben's point of view looking at Ana, 40 mm", kind: 'pov', who: ['ana'], foreground: 'ben', mm: 40 },
  { phrase: 'insert of Table', kind: 'insert', who: ['table'], pitch: -30, mm: 50 },
  { phrase: 'insert Table, 35mm, high angle', kind: 'insert', who: ['table'], pitch: -20, mm: 35 },
];

const { project, sceneId, scene } = testScene();

function unrolled(cam: CameraSetup): PlacedCamera {
  const a = attitude(cam.transform.rotation as [number, number, number]);
  return { ...cam, transform: { ...cam.transform, rotation: rotationFromAttitude({ ...a, dutch: 0 }) } };
}

export const stats = { phrases: 0, worstRow: 0, worstPitchDeg: 0, worstCol: 0 };

function checkRow(r: Row): void {
  const res = planFromWords(r.phrase, { project, sceneId, frame: 0, templateCameraId: 'cam_main' });
  if (!res.ok) throw new Error(`${r.phrase}: ${res.error}`);
  const solved = res.plan.solved[0]!;
  const cam = solved.camera;
  const att = attitude(cam.transform.rotation as [number, number, number]);
  const flat = unrolled(cam);
  const rowErr = (p: readonly [number, number, number], row: number) => {
    const e = Math.abs(projectToFrame(flat, p).row - row);
    stats.worstRow = Math.max(stats.worstRow, e);
    return e;
  };
  if (r.mm !== undefined) expect(cam.lens.focalLengthMm, `${r.phrase}: lens`).toBe(r.mm);
  if (r.size) expect(solved.size, `${r.phrase}: size`).toBe(r.size);
  if (r.widenedFrom) expect(solved.warnings.join(' '), r.phrase).toContain(`${r.widenedFrom} does not hold`);
  else expect(solved.warnings.join(' '), r.phrase).not.toMatch(/widened/);
  if (typeof r.pitch === 'number') {
    const e = Math.abs(att.tilt * DEG - r.pitch);
    stats.worstPitchDeg = Math.max(stats.worstPitchDeg, e);
    expect(e, `${r.phrase}: pitch ${att.tilt * DEG}`).toBeLessThanOrEqual(PITCH_TOL_DEG);
  }
  if (r.height !== undefined) expect(cam.transform.position[1], `${r.phrase}: height`).toBeCloseTo(r.height, 6);
  expect(Math.abs(att.dutch * DEG - (r.dutch ?? 0)), `${r.phrase}: dutch`).toBeLessThan(0.5);
  const actors = r.who.map((id) => scene.objects[id]).filter((o): o is Actor => o?.type === 'actor');
  if (r.kind === 'single' || r.kind === 'two' || r.kind === 'ots') {
    const f = SIZE_FRAMING[r.size as Exclude<SizeCode, 'INSERT'>];
    const marks = actors.map(bodyMarks);
    // the highest upper mark in frame sits on the size's row; every lower mark at or above the framing line,
    // the lowest on it
    const tops = marks.map((m) => projectToFrame(flat, m.points[f.top]).row);
    const topRow = Math.min(...tops);
    expect(Math.abs(topRow - f.topRow), `${r.phrase}: ${f.top} row ${topRow}`).toBeLessThanOrEqual(ROW_TOL);
    stats.worstRow = Math.max(stats.worstRow, Math.abs(topRow - f.topRow));
    const bottoms = marks.map((m) => projectToFrame(flat, m.points[f.bottom]).row);
    if (r.floats) {
      expect(solved.warnings.join(' '), r.phrase).toMatch(/falls where it falls/);
    } else {
      const bottomRow = Math.max(...bottoms);
      expect(Math.abs(bottomRow - f.bottomRow), `${r.phrase}: ${f.bottom} row ${bottomRow}`).toBeLessThanOrEqual(ROW_TOL);
      stats.worstRow = Math.max(stats.worstRow, Math.abs(bottomRow - f.bottomRow));
    }
    // focus on the (mean) eyes
    const eyes = marks.map((m) => m.points.eyes);
    const mean: [number, number, number] = [0, 1, 2].map((k) => eyes.reduce((s, e) => s + e[k]!, 0) / eyes.length) as [number, number, number];
    expect(cam.lens.focusDistanceM, `${r.phrase}: focus`).toBeCloseTo(projectToFrame(cam, mean).depth, 3);
    if (r.kind === 'single' && r.lookRoom !== undefined) {
      const col = projectToFrame(flat, marks[0]!.points.eyes).col;
      const want = 0.5 + (r.lookRoom * LOOK_ROOM_NDC * (r.lookRoom === 0 ? 0 : Math.SQRT1_2 ** (r.phrase.includes('profile') ? 0 : 1))) / 2;
      const e = Math.abs(col - want);
      stats.worstCol = Math.max(stats.worstCol, e);
      expect(e, `${r.phrase}: eyes column ${col}, want ${want}`).toBeLessThanOrEqual(ROW_TOL);
    }
    if (r.kind === 'two') for (const m of marks) expect(Math.abs(projectToFrame(flat, m.points.shoulders).col - 0.5), `${r.phrase}: both in frame`).toBeLessThan(0.5);
    if (r.kind === 'ots') {
      const fg = bodyMarks(scene.objects[r.foreground!] as Actor);
      const face = projectToFrame(flat, marks[0]!.points.eyes);
      const head = projectToFrame(flat, [(fg.points.headTop[0] + fg.points.chin[0]) / 2, (fg.points.headTop[1] + fg.points.chin[1]) / 2, (fg.points.headTop[2] + fg.points.chin[2]) / 2]);
      // face on one third, the foreground head towards the other edge, in front of the lens and nearer than the face
      expect(Math.abs(Math.abs(face.col - 0.5) - OTS_FACE_NDC / 2), `${r.phrase}: face col ${face.col}`).toBeLessThanOrEqual(ROW_TOL);
      expect(Math.abs(Math.abs(head.col - 0.5) - OTS_SHOULDER_NDC / 2), `${r.phrase}: shoulder col ${head.col}`).toBeLessThanOrEqual(ROW_TOL);
      expect(Math.sign(face.col - 0.5)).toBe(-Math.sign(head.col - 0.5));
      expect(head.depth).toBeGreaterThan(0);
      expect(head.depth).toBeLessThan(face.depth);
    }
  } else if (r.kind === 'overhead') {
    const f = SIZE_FRAMING[r.size as Exclude<SizeCode, 'INSERT'>];
    const m = bodyMarks(actors[0]!);
    const top = projectToFrame(cam, m.points.headTop);
    expect(Math.abs(top.row - 0.5) + Math.abs(top.col - 0.5), `${r.phrase}: head centred`).toBeLessThan(0.02);
    // the frame's height at the head top is the size's span of body
    const spanM = Math.abs(m.points[f.top][1] - m.points[f.bottom][1]) / (f.bottomRow - f.topRow);
    const frameH = 2 * top.depth * Math.tan(cameraVFov(cam) / 2);
    expect(frameH / spanM, `${r.phrase}: frame height`).toBeCloseTo(1, 6);
  } else if (r.kind === 'pov') {
    const of = bodyMarks(scene.objects[r.foreground!] as Actor);
    const d = Math.hypot(...([0, 1, 2].map((k) => cam.transform.position[k]! - of.points.eyes[k]!) as [number, number, number]));
    expect(d, `${r.phrase}: lens at the eyes`).toBeLessThan(0.15);
    const target = projectToFrame(cam, bodyMarks(actors[0]!).points.eyes);
    expect(Math.abs(target.col - 0.5) + Math.abs(target.row - 0.5), `${r.phrase}: looks at the target`).toBeLessThan(1e-6);
  } else if (r.kind === 'insert') {
    const box = objectBox(scene.objects[r.who[0]!]!)!;
    const rows = boxCorners(box).map((p) => projectToFrame(flat, p).row);
    expect(Math.abs(Math.min(...rows) - INSERT_FRAMING.topRow), r.phrase).toBeLessThanOrEqual(ROW_TOL);
    expect(Math.abs(Math.max(...rows) - INSERT_FRAMING.bottomRow), r.phrase).toBeLessThanOrEqual(ROW_TOL);
    stats.worstRow = Math.max(stats.worstRow, Math.abs(Math.min(...rows) - INSERT_FRAMING.topRow), Math.abs(Math.max(...rows) - INSERT_FRAMING.bottomRow));
  }
  if (r.endSize) {
    const after = res.plan.edit(project);
    const id = res.plan.cameraIds[0]!;
    const track = Object.values(after.scenes[sceneId]!.tracks).find((t) => t.targetId === id && t.property === 'transform.position')!;
    const end = evaluateObject(after, sceneId, id, track.keys.at(-1)!.frame) as Camera;
    const f = SIZE_FRAMING[r.endSize];
    const m = bodyMarks(actors[0]!);
    for (const [mark, row] of [[f.top, f.topRow], [f.bottom, f.bottomRow]] as const) {
      const e = Math.abs(projectToFrame(unrolled(end), m.points[mark]).row - row);
      stats.worstRow = Math.max(stats.worstRow, e);
      expect(e, `${r.phrase}: end ${mark} row`).toBeLessThanOrEqual(ROW_TOL);
    }
    expect(end.lens.focalLengthMm, `${r.phrase}: same lens through the move`).toBe(cam.lens.focalLengthMm);
    expect(Math.abs(attitude(end.transform.rotation).tilt * DEG - (typeof r.pitch === 'number' ? r.pitch : 0)), `${r.phrase}: end pitch`).toBeLessThanOrEqual(PITCH_TOL_DEG);
  }
  stats.phrases++;
}

const cameraVFov = (cam: CameraSetup) => cameraFieldOfView(cam).verticalRad;

describe('shot from words: the phrase table', () => {
  it(`has at least 60 phrases`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(TABLE.map((r) => r.phrase)).size).toBe(TABLE.length);
  });
  for (const r of TABLE) it(r.phrase, () => checkRow(r));
  it('reports its worst errors', () => {
    // printed for the README and the report; the bounds are the stated tolerances
    console.log(`phrase table: ${stats.phrases} phrases, worst framing row error ${(stats.worstRow * 100).toExponential(2)} % of frame, worst look-room column error ${(stats.worstCol * 100).toExponential(2)} %, worst pitch error ${stats.worstPitchDeg.toExponential(2)}°`);
    expect(stats.worstRow).toBeLessThanOrEqual(ROW_TOL);
    expect(stats.worstPitchDeg).toBeLessThanOrEqual(PITCH_TOL_DEG);
  });
});

describe('the same words give the same camera', () => {
  it('is deterministic', () => {
    const a = planFromWords('low-angle medium shot on Ana, 35 mm', { project, sceneId, frame: 0 });
    const b = planFromWords('LOW ANGLE MS ON ANA 35MM', { project, sceneId, frame: 0 });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.plan.solved[0]!.camera).toEqual(b.plan.solved[0]!.camera);
  });
  it('reads the actor as posed at the playhead', () => {
    const moved = structuredClone(project);
    (moved.scenes[sceneId]!.objects.ana as Actor).transform.position = [5, 0, 5];
    const a = planFromWords('MS Ana', { project: moved, sceneId, frame: 0 });
    if (!a.ok) throw new Error(a.error);
    const m = bodyMarks(actor(moved.scenes[sceneId]!, 'ana'));
    expect(projectToFrame(a.plan.solved[0]!.camera, m.points.headTop).row).toBeCloseTo(SIZE_FRAMING.MS.topRow, 6);
  });
});
