// Shots on the scene timeline: lookup, the cut (shots in order, back to back), and pure edits for the shot list.
import type { Project, Scene, Shot } from '../document/schema';
import { editScene, type Edit } from '../document/commands';
import { newId } from '../document/ids';
import { own } from '../document/names';

export const SHOT_SIZES = ['INSERT', 'ECU', 'CU', 'MCU', 'MS', 'MLS', 'FS', 'LS', 'WS', 'EWS'] as const;
export const SHOT_SIZE_NAMES: Record<(typeof SHOT_SIZES)[number], string> = {
  INSERT: 'Insert',
  ECU: 'Extreme close-up',
  CU: 'Close-up',
  MCU: 'Medium close-up',
  MS: 'Medium shot',
  MLS: 'Medium long shot',
  FS: 'Full shot',
  LS: 'Long shot',
  WS: 'Wide shot',
  EWS: 'Extreme wide shot',
};
export const SHOT_ANGLES = ['eye level', 'high', 'low', 'overhead', "bird's eye", "worm's eye", 'dutch', 'OTS', 'POV'];

export function orderedShots(scene: Scene): Shot[] {
  return scene.shotOrder.map((id) => own(scene.shots, id)).filter((s): s is Shot => !!s);
}

/** The first shot in shot order whose [in, out) contains frame. */
export function shotAtFrame(scene: Scene, frame: number): Shot | null {
  for (const s of orderedShots(scene)) if (frame >= s.in && frame < s.out) return s;
  return null;
}

export const shotLength = (s: Shot) => Math.max(0, s.out - s.in);

export interface CutEntry {
  shot: Shot;
  /** first frame of this shot in the cut (the edit), counted from 0 */
  recordIn: number;
  length: number;
}

/** The edit: every shot in order, back to back. */
export function cutList(scene: Scene): CutEntry[] {
  let t = 0;
  return orderedShots(scene).map((shot) => {
    const entry = { shot, recordIn: t, length: shotLength(shot) };
    t += entry.length;
    return entry;
  });
}

/** Where frame n of the cut comes from: which shot, and which scene-timeline frame. */
export function cutFrameSource(cut: CutEntry[], n: number): { shot: Shot; sceneFrame: number } | null {
  for (const e of cut) {
    if (n >= e.recordIn && n < e.recordIn + e.length) return { shot: e.shot, sceneFrame: e.shot.in + (n - e.recordIn) };
  }
  return null;
}

export function validateShot(project: Project, sceneId: string, s: Shot): string | null {
  const scene = project.scenes[sceneId];
  if (!scene) return `no scene ${sceneId}`;
  const cam = scene.objects[s.cameraId];
  if (!cam || cam.type !== 'camera') return `shot ${s.number}: camera ${s.cameraId} is not a camera in this scene`;
  if (!Number.isInteger(s.in) || !Number.isInteger(s.out) || s.in < 0) return `shot ${s.number}: in and out are whole frames ≥ 0`;
  if (s.out <= s.in) return `shot ${s.number}: out (${s.out}) must be after in (${s.in})`;
  return null;
}

/** Numbers shots 10, 20, 30… in their order (the usual gap leaves room for inserts such as 15). */
export const renumberShots = (sceneId: string, step = 10): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const shots = { ...s.shots };
    s.shotOrder.forEach((id, i) => {
      const sh = shots[id];
      if (sh) shots[id] = { ...sh, number: String((i + 1) * step), name: sh.name === `Shot ${sh.number}` ? `Shot ${(i + 1) * step}` : sh.name };
    });
    return { ...s, shots };
  });

/** A copy placed right after the original in shot order, with the next take number in its name. */
export function duplicateShot(sceneId: string, shotId: string): { edit: Edit; newShotId: string } {
  const newShotId = newId('shot');
  const edit: Edit = (p) =>
    editScene(p, sceneId, (s) => {
      const src = s.shots[shotId];
      if (!src) return s;
      const copy: Shot = { ...src, id: newShotId, number: `${src.number}A`, name: `${src.name} copy` };
      const order = [...s.shotOrder];
      const at = order.indexOf(shotId);
      order.splice(at < 0 ? order.length : at + 1, 0, newShotId);
      return { ...s, shots: { ...s.shots, [newShotId]: copy }, shotOrder: order };
    });
  return { edit, newShotId };
}

/** Moves a shot to index `to` in shot order. */
export const moveShot = (sceneId: string, shotId: string, to: number): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const from = s.shotOrder.indexOf(shotId);
    if (from < 0) return s;
    const order = [...s.shotOrder];
    order.splice(from, 1);
    order.splice(Math.max(0, Math.min(order.length, to)), 0, shotId);
    return order.every((id, i) => id === s.shotOrder[i]) ? s : { ...s, shotOrder: order };
  });
