// The face-aligned working space: a similarity map from the plate into a FACE_SPACE² square with the eyes
// level and the face silhouette (plus margin) filling it. The de-age graph runs there; its delta is warped
// back. Built from (smoothed) landmarks so it follows the face on video and stays put when the face does.
import { FACE_SPACE } from '../constants';
import { apply, cropToImage, invert, type Affine } from './affine';
import { annotations, boxFromMesh, MESH_POINTS } from './mesh';

export interface FaceSpace {
  size: number;
  /** face-space pixel → plate pixel */
  toImage: Affine;
  /** plate pixel → face-space pixel */
  toFace: Affine;
}

/** Margin around the silhouette box: room for the feathered mask and the jaw warp. */
export const FACE_MARGIN = 1.3;

export function faceSpaceFromMesh(points: Float32Array, size = FACE_SPACE): FaceSpace {
  const silhouette = new Float32Array(annotations.silhouette!.length * 2);
  annotations.silhouette!.forEach((idx, k) => {
    silhouette[2 * k] = points[2 * idx]!;
    silhouette[2 * k + 1] = points[2 * idx + 1]!;
  });
  // the roll comes from the eyes (all points), the box from the silhouette only
  const box = boxFromMesh(points, 1);
  const sil = boxOfPoints(silhouette, box.angle);
  const toImage = cropToImage(sil.centre, sil.side * FACE_MARGIN, box.angle, size);
  return { size, toImage, toFace: invert(toImage) };
}

function boxOfPoints(p: Float32Array, angle: number): { centre: [number, number]; side: number } {
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < p.length / 2; i++) {
    const rx = c * p[2 * i]! - s * p[2 * i + 1]!;
    const ry = s * p[2 * i]! + c * p[2 * i + 1]!;
    minX = Math.min(minX, rx);
    maxX = Math.max(maxX, rx);
    minY = Math.min(minY, ry);
    maxY = Math.max(maxY, ry);
  }
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  return {
    centre: [Math.cos(angle) * cx - Math.sin(angle) * cy, Math.sin(angle) * cx + Math.cos(angle) * cy],
    side: Math.max(maxX - minX, maxY - minY),
  };
}

/** Landmarks mapped into face space. */
export function meshInFaceSpace(points: Float32Array, space: FaceSpace): Float32Array {
  const out = new Float32Array(MESH_POINTS * 2);
  for (let i = 0; i < MESH_POINTS; i++) {
    // plate pixel centres ↔ face pixel centres
    const [u, v] = apply(space.toFace, [points[2 * i]! + 0.5, points[2 * i + 1]! + 0.5]);
    out[2 * i] = u - 0.5;
    out[2 * i + 1] = v - 0.5;
  }
  return out;
}
