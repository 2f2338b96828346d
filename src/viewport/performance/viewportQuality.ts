// How the editor viewport trades detail for frame time on a big set. Every switch is on by default; the
// bench turns them off to measure the old path beside the new one. None of them touches what a camera
// that makes a picture sees: the look-through view and every export render draw full detail at full
// resolution (level of detail and the lowered resolution apply to the editor camera only; culling, the
// reused shadow maps and the baked cells are exact, so they leave the picture unchanged).
import { registerTestHook } from '../../testHook';

export interface ViewportQuality {
  /** draw only the instances inside the camera's frustum, and only casters inside a shadow camera's */
  cull: boolean;
  /** simplified meshes for actors and props that look small in the editor camera */
  lod: boolean;
  /** redraw shadow maps only when a light or a caster changed */
  reuseShadows: boolean;
  /** lower the resolution while the editor camera moves; full again once it rests */
  adaptiveResolution: boolean;
  /** bake still instances into one plain mesh per cell of the ground plan (instancing/staticCells) */
  batch: boolean;
  /** the side of a baked cell, metres */
  cellSize: number;
  /** how long a member must rest (not moved, shown or hidden) before it is baked, ms */
  settleMs: number;
  /** an actor shorter than this on screen (pixels) is drawn as the simplified mannequin */
  actorLodPx: number;
  /** a prop smaller than this on screen (bounding-sphere diameter, pixels) uses its simplified mesh */
  propLodPx: number;
  /**
   * while the camera moves (lowered resolution), the thresholds above count the pixels drawn, not the full
   * resolution's: at half resolution a prop takes its simplified mesh below 80 px instead of 40
   */
  lodFollowsResolution: boolean;
  /** the pixel ratio, as a fraction of the full one, while the camera moves */
  movingScale: number;
  /** how long the camera must rest before the full resolution comes back, ms */
  restMs: number;
  /** the editor view draws only when its picture can differ from the one on screen (KeptFrame) */
  keepFrame: boolean;
}

export const viewportQuality: ViewportQuality = {
  cull: true,
  lod: true,
  reuseShadows: true,
  adaptiveResolution: true,
  batch: true,
  cellSize: 16,
  settleMs: 300,
  actorLodPx: 90,
  propLodPx: 40,
  lodFollowsResolution: true,
  movingScale: 0.5,
  restMs: 200,
  keepFrame: true,
};

registerTestHook('viewportQuality', viewportQuality);
