// Which scene frame, through which camera, each animatic frame shows: the cut (shots in order, back to
// back), or the project range through one camera when the scene has no shots yet. Pure.
import type { Project, Shot } from '../../core/document';
import { cutList } from '../../core/timeline';

export interface PlannedFrame {
  /** index in the animatic, from 0 */
  index: number;
  sceneFrame: number;
  cameraId: string;
  shot: Shot | null;
  /** 1-based frame within the shot */
  shotFrame: number;
  shotLength: number;
}

export function planAnimatic(p: Project, sceneId: string, opts: { shotIds?: string[]; cameraId?: string } = {}): PlannedFrame[] {
  const scene = p.scenes[sceneId];
  if (!scene) throw new Error(`no scene ${sceneId}`);
  let cut = cutList(scene);
  if (opts.shotIds) {
    const keep = new Set(opts.shotIds);
    cut = cut.filter((c) => keep.has(c.shot.id));
  }
  const out: PlannedFrame[] = [];
  if (cut.length) {
    for (const c of cut) {
      const cam = scene.objects[c.shot.cameraId];
      if (!cam || cam.type !== 'camera') throw new Error(`shot ${c.shot.number}: its camera is missing`);
      for (let i = 0; i < c.length; i++) {
        out.push({ index: out.length, sceneFrame: c.shot.in + i, cameraId: c.shot.cameraId, shot: c.shot, shotFrame: i + 1, shotLength: c.length });
      }
    }
    return out;
  }
  const cameraId = opts.cameraId ?? Object.values(scene.objects).find((o) => o.type === 'camera')?.id;
  if (!cameraId || scene.objects[cameraId]?.type !== 'camera') {
    throw new Error('the scene has no shots and no camera: add a camera (and shots) before exporting an animatic');
  }
  const { frameIn, frameOut } = p.settings;
  for (let f = frameIn; f < frameOut; f++) {
    out.push({ index: out.length, sceneFrame: f, cameraId, shot: null, shotFrame: f - frameIn + 1, shotLength: frameOut - frameIn });
  }
  return out;
}
