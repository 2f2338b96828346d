// The pure arithmetic of per-instance culling and level of detail: how large a bounding sphere looks on
// screen, which detail a member gets, and the slot order that lets one instance buffer serve both the
// camera pass and the shadow pass with nothing but a different instance count.

/** What a camera needs to say how big a sphere looks: a perspective lens, or an orthographic window. */
export type ScreenScale = { kind: 'perspective'; tanHalfFovY: number; heightPx: number } | { kind: 'orthographic'; worldHeight: number; heightPx: number };

/** Diameter in pixels of a sphere of `radius` whose centre is `distance` from a perspective eye. */
export function projectedDiameterPx(radius: number, distance: number, scale: ScreenScale): number {
  if (scale.kind === 'orthographic') return (2 * radius * scale.heightPx) / Math.max(1e-9, scale.worldHeight);
  // the eye inside (or touching) the sphere: it fills the view
  if (distance <= radius) return Infinity;
  return (radius * scale.heightPx) / (distance * scale.tanHalfFovY);
}

/** Level of detail: 0 full, 1 the simplified mesh, when the member looks smaller than `thresholdPx`. */
export function detailLevel(diameterPx: number, thresholdPx: number): 0 | 1 {
  return diameterPx < thresholdPx ? 1 : 0;
}

/**
 * The level-of-detail threshold for a render drawn at `drawnScale` of the full pixel ratio (the adaptive
 * resolution while the editor camera moves): a threshold in pixels at full resolution, kept in the pixels
 * actually drawn. At half resolution a 60 px prop is drawn 30 px wide, where the simplified mesh serves as
 * well as it does for a 30 px prop at full resolution. At full resolution (or above) it is unchanged, so a
 * high-density screen keeps the thresholds it has.
 */
export function detailThresholdPx(thresholdPx: number, drawnScale: number): number {
  return drawnScale > 0 && drawnScale < 1 ? thresholdPx / drawnScale : thresholdPx;
}

/**
 * Slot categories, in the order they are laid out in an instance buffer:
 *  0 seen by the camera and inside a shadow camera, 1 seen only, 2 only casting into a shadow map, 3 neither
 * (hidden, drawn by its stand-in, culled, or drawn by the simplified mesh and outside every shadow camera).
 * The camera pass draws the first (#0 + #1) slots, the shadow pass the first (#0 + #1 + #2): one buffer,
 * two counts. The shadow pass thus also draws the seen-only members, which its camera clips away (vertex
 * work only; no fragment is shaded).
 */
export const SlotClass = { SeenAndCasting: 0, SeenOnly: 1, CastingOnly: 2, Neither: 3 } as const;
export type SlotClass = (typeof SlotClass)[keyof typeof SlotClass];

export function slotClass(seen: boolean, casting: boolean): SlotClass {
  if (seen) return casting ? SlotClass.SeenAndCasting : SlotClass.SeenOnly;
  return casting ? SlotClass.CastingOnly : SlotClass.Neither;
}

/**
 * The slot order: by class, and within a class nearest first (so the depth test spares the shading of
 * what hides behind). Returns the member index for each slot and the two instance counts.
 */
export function drawOrder(classes: ArrayLike<number>, depth: ArrayLike<number>): { order: Int32Array; cameraCount: number; shadowCount: number } {
  const n = classes.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => classes[a]! - classes[b]! || depth[a]! - depth[b]! || a - b);
  let cameraCount = 0;
  let shadowCount = 0;
  for (let i = 0; i < n; i++) {
    const c = classes[i]!;
    if (c <= SlotClass.SeenOnly) cameraCount++;
    if (c <= SlotClass.CastingOnly) shadowCount++;
  }
  return { order, cameraCount, shadowCount };
}
