// Region masks in face space, from the 468 landmarks: face (silhouette, slightly dilated), skin (face minus
// eyes, brows, lips, nostrils), forehead, crow's feet, under-eye, nasolabial folds, jowls. Hard 0/1 masks;
// the de-age graph feathers them. Channel order is REGIONS in ../constants.
import { REGION_COUNT } from '../constants';
import { annotations } from './mesh';
import { fillCapsule, fillEllipse, fillPolygon, scalePoly, type Poly } from './raster';

const A = annotations as Record<string, number[]>;
const pt = (p: Float32Array, i: number): [number, number] => [p[2 * i]!, p[2 * i + 1]!];
const poly = (p: Float32Array, idx: number[]): Poly => idx.map((i) => pt(p, i));

function centre(p: Float32Array, idx: number[]): [number, number] {
  let x = 0;
  let y = 0;
  for (const i of idx) {
    x += p[2 * i]!;
    y += p[2 * i + 1]!;
  }
  return [x / idx.length, y / idx.length];
}

function arc(list: number[], from: number, to: number): number[] {
  const out: number[] = [];
  let k = list.indexOf(from);
  if (k < 0 || !list.includes(to)) throw new Error(`silhouette lacks point ${from} or ${to}`);
  for (;;) {
    out.push(list[k]!);
    if (list[k] === to) return out;
    k = (k + 1) % list.length;
  }
}

export interface FaceGeometry {
  /** inter-ocular distance in face-space pixels */
  iod: number;
  /** +1 when the subject's right eye lies at larger x (a mirrored plate), else −1: "outward" for the right side */
  rightSide: number;
}

export function geometry(p: Float32Array): FaceGeometry {
  const r = centre(p, [...A.rightEyeUpper0!, ...A.rightEyeLower0!]);
  const l = centre(p, [...A.leftEyeUpper0!, ...A.leftEyeLower0!]);
  return { iod: Math.hypot(l[0] - r[0], l[1] - r[1]), rightSide: r[0] > l[0] ? 1 : -1 };
}

const eyeRing = (p: Float32Array, side: 'right' | 'left') =>
  scalePoly(poly(p, [...A[`${side}EyeLower1`]!, ...[...A[`${side}EyeUpper1`]!].reverse()]), 1.15);
const browRing = (p: Float32Array, side: 'right' | 'left') =>
  scalePoly(poly(p, [...A[`${side}EyebrowUpper`]!, ...[...A[`${side}EyebrowLower`]!].reverse()]), 1.2);

/** Masks [REGION_COUNT, size, size], each 0/1. */
export function regionMasks(p: Float32Array, size: number): Float32Array {
  const n = size * size;
  const out = new Float32Array(REGION_COUNT * n);
  const plane = (c: number) => out.subarray(c * n, (c + 1) * n);
  const { iod, rightSide } = geometry(p);
  const out_ = (side: 'right' | 'left') => (side === 'right' ? rightSide : -rightSide);

  // face and skin
  const silhouette = poly(p, A.silhouette!);
  fillPolygon(plane(0), size, size, scalePoly(silhouette, 1.06));
  const skin = plane(1);
  fillPolygon(skin, size, size, silhouette);
  for (const side of ['right', 'left'] as const) {
    fillPolygon(skin, size, size, eyeRing(p, side), 0);
    fillPolygon(skin, size, size, browRing(p, side), 0);
  }
  const lips = poly(p, [61, ...A.lipsUpperOuter!, 291, ...[...A.lipsLowerOuter!].reverse().filter((i) => i !== 61 && i !== 291)]);
  fillPolygon(skin, size, size, scalePoly(lips, 1.12), 0);
  fillCapsule(skin, size, size, pt(p, 98), pt(p, 327), 0.09 * iod, 0); // nostrils

  // forehead: the silhouette's upper arc closed along the brows
  const forehead = [
    ...poly(p, arc(A.silhouette!, 162, 389)),
    ...poly(p, A.leftEyebrowUpper!),
    ...poly(p, [...A.rightEyebrowUpper!].reverse()),
  ];
  fillPolygon(plane(2), size, size, forehead);

  for (const side of ['right', 'left'] as const) {
    const s = out_(side);
    // crow's feet: lateral to the outer eye corner
    const corner = pt(p, side === 'right' ? 33 : 263);
    fillEllipse(plane(3), size, size, [corner[0] + s * 0.22 * iod, corner[1] + 0.02 * iod], 0.2 * iod, 0.17 * iod);
    // under-eye: between the lower lid and the cheek top
    fillPolygon(plane(4), size, size, poly(p, [...A[`${side}EyeLower1`]!, ...[...A[`${side}EyeLower3`]!].reverse()]));
    // nasolabial fold: from the nose wing to just outside the mouth corner
    const wing = pt(p, side === 'right' ? 98 : 327);
    const mouth = pt(p, side === 'right' ? 61 : 291);
    fillCapsule(plane(5), size, size, [wing[0] + s * 0.06 * iod, wing[1]], [mouth[0] + s * 0.1 * iod, mouth[1] + 0.04 * iod], 0.1 * iod);
    // jowl: the lower jaw beside the chin, up to the mouth corner and cheek
    const jaw = side === 'right' ? [132, 58, 172, 136, 150, 149, 176] : [361, 288, 397, 365, 379, 378, 400];
    const cheek = pt(p, side === 'right' ? 205 : 425);
    fillPolygon(plane(6), size, size, [...poly(p, jaw), [mouth[0] + s * 0.12 * iod, mouth[1] + 0.08 * iod], cheek]);
  }
  // every region lies on skin; the face mask holds them all
  for (let c = 2; c < REGION_COUNT; c++) {
    const m = plane(c);
    for (let i = 0; i < n; i++) m[i] = m[i]! * skin[i]!;
  }
  return out;
}

/**
 * The jaw/jowl tightening warp as a GridSample grid [size, size, 2] (align_corners = 0): jaw points move
 * inward and a little up by `amount` (0..1, ≈ 5 % of the eye distance at 1), spread by Gaussian weights.
 */
export function jawGrid(p: Float32Array, size: number, amount: number): Float32Array {
  const grid = identityGrid(size);
  if (amount <= 0) return grid;
  const { iod } = geometry(p);
  const nose = pt(p, 1);
  const controls: { c: [number, number]; d: [number, number] }[] = [];
  const weights = [0.5, 1, 1, 0.7, 0.4];
  for (const jaw of [[58, 172, 136, 150, 149], [288, 397, 365, 379, 378]]) {
    jaw.forEach((i, k) => {
      const c = pt(p, i);
      const inward = Math.sign(nose[0] - c[0]);
      controls.push({ c, d: [amount * weights[k]! * 0.05 * iod * inward, -amount * weights[k]! * 0.02 * iod] });
    });
  }
  const sigma = 0.25 * iod;
  const inv = 1 / (2 * sigma * sigma);
  const reach = 3 * sigma;
  // Σ wᵢdᵢ / max(1, Σ wᵢ): near the jaw the shift is the local average of the control shifts (never their
  // sum, so overlapping controls cannot pile up), and away from it the shift fades with the weights
  const n = size * size;
  const sx = new Float32Array(n);
  const sy = new Float32Array(n);
  const sw = new Float32Array(n);
  for (const { c, d } of controls) {
    const x0 = Math.max(0, Math.floor(c[0] - reach));
    const x1 = Math.min(size - 1, Math.ceil(c[0] + reach));
    const y0 = Math.max(0, Math.floor(c[1] - reach));
    const y1 = Math.min(size - 1, Math.ceil(c[1] + reach));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const dx = x + 0.5 - c[0];
        const dy = y + 0.5 - c[1];
        const wgt = Math.exp(-(dx * dx + dy * dy) * inv);
        const k = y * size + x;
        sx[k] = sx[k]! + wgt * d[0];
        sy[k] = sy[k]! + wgt * d[1];
        sw[k] = sw[k]! + wgt;
      }
  }
  for (let k = 0; k < n; k++) {
    if (sw[k] === 0) continue;
    const norm = Math.max(1, sw[k]!);
    // content moves by +d, so each output pixel samples from −d (normalised: 2/size per pixel)
    grid[2 * k] = grid[2 * k]! - (2 * sx[k]!) / norm / size;
    grid[2 * k + 1] = grid[2 * k + 1]! - (2 * sy[k]!) / norm / size;
  }
  return grid;
}

const identityCache = new Map<number, Float32Array>();

export function identityGrid(size: number): Float32Array {
  let g = identityCache.get(size);
  if (!g) {
    g = new Float32Array(size * size * 2);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) {
        g[(y * size + x) * 2] = (2 * x + 1) / size - 1;
        g[(y * size + x) * 2 + 1] = (2 * y + 1) / size - 1;
      }
    identityCache.set(size, g);
  }
  return g.slice();
}
