// What the printed plan says beside the drawing: which shot it is for, and a legend line per camera
// (shots, lens and set, true horizontal angle of view, lens height). Pure: document in, text out.
import type { Camera, Scene } from '../../core/document';
import { cameraFieldOfView, effectiveSqueeze, formatFocalLength, heightAboveGround, lensSet } from '../../core/lens';
import { orderedShots, shotAtFrame } from '../../core/timeline';
import type { PlanSheetCamera } from '../../core/export/pdf';

/** "3 — Over ANA to TOM" for the shot at the playhead, else every shot's number. */
export function planShotLabel(scene: Scene, frame: number): string {
  const s = shotAtFrame(scene, frame);
  if (s) return s.name ? `${s.number} — ${s.name}` : s.number;
  const all = orderedShots(scene).map((x) => x.number);
  return all.length ? `All shots (${all.join(', ')})` : 'No shots';
}

export function lensLine(c: Camera): string {
  const sq = effectiveSqueeze(c);
  const set = lensSet(c.lens.lensSetId);
  return `${formatFocalLength(c.lens.focalLengthMm)}${sq > 1 ? ` ${Number(sq.toFixed(2))}×` : ''}${set ? ` · ${set.name}` : ''}`;
}

/** One legend entry per visible camera; shot cameras first, in shot order. `evaluate` poses each at the frame. */
export function planSheetCameras(scene: Scene, evaluate: (c: Camera) => Camera): PlanSheetCamera[] {
  const shots = new Map<string, string[]>();
  for (const s of orderedShots(scene)) shots.set(s.cameraId, [...(shots.get(s.cameraId) ?? []), s.number]);
  const order = [...shots.keys()];
  const cams = Object.values(scene.objects).filter((o): o is Camera => o.type === 'camera' && o.visible);
  cams.sort((a, b) => rank(order, a.id) - rank(order, b.id));
  return cams.map((o) => {
    const c = evaluate(o);
    return {
      shot: (shots.get(o.id) ?? []).join(', '),
      camera: o.name,
      lens: lensLine(c),
      horizontalFovDeg: cameraFieldOfView(c).horizontalDeg,
      heightM: heightAboveGround(c.transform.position),
    };
  });
}

const rank = (order: string[], id: string) => {
  const i = order.indexOf(id);
  return i < 0 ? order.length : i;
};
