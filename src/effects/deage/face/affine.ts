// 2-D affine maps [a b c; d e f]: x' = a·x + b·y + c, y' = d·x + e·y + f. Face crops, the face-aligned
// working space and the warp back to the plate are all expressed with these.
export type Affine = readonly [number, number, number, number, number, number];
export type Point = readonly [number, number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

export function apply(m: Affine, p: Point): [number, number] {
  return [m[0] * p[0] + m[1] * p[1] + m[2], m[3] * p[0] + m[4] * p[1] + m[5]];
}

export function invert(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  if (Math.abs(det) < 1e-12) throw new Error('affine map is singular');
  const a = m[4] / det;
  const b = -m[1] / det;
  const d = -m[3] / det;
  const e = m[0] / det;
  return [a, b, -(a * m[2] + b * m[5]), d, e, -(d * m[2] + e * m[5])];
}

/** m2 ∘ m1: apply m1 first, then m2. */
export function compose(m2: Affine, m1: Affine): Affine {
  return [
    m2[0] * m1[0] + m2[1] * m1[3],
    m2[0] * m1[1] + m2[1] * m1[4],
    m2[0] * m1[2] + m2[1] * m1[5] + m2[2],
    m2[3] * m1[0] + m2[4] * m1[3],
    m2[3] * m1[1] + m2[4] * m1[4],
    m2[3] * m1[2] + m2[4] * m1[5] + m2[5],
  ];
}

/**
 * The map from a square crop of `size` pixels into the image, for a square of side `side` image pixels
 * centred at `centre` and rotated by `angle` (radians, image y down).
 */
export function cropToImage(centre: Point, side: number, angle: number, size: number): Affine {
  const s = side / size;
  const c = Math.cos(angle) * s;
  const n = Math.sin(angle) * s;
  const h = size / 2;
  // p_img = centre + R·s·(p_crop − h)
  return [c, -n, centre[0] - c * h + n * h, n, c, centre[1] - n * h - c * h];
}

/** Scale of an affine map (geometric mean of the axis scales). */
export function scaleOf(m: Affine): number {
  return Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
}
