// The landmark mesh warp that carries the shape cues of a younger face, as a GridSample grid in face space:
// fuller mid-face (cheeks out and up), a tighter jaw and a shorter, lifted lower face (chin up), fuller lips
// (outer lip contour away from the mouth line) and lifted mouth corners. Each landmark moves by a small fraction
// of the eye distance; the motion spreads with a Gaussian per control and fades to nothing at the face mask's
// edge, so the face still sits on its neck and under its hair line, and near the brows and eyes, which must not
// change (so no larger eye aperture: the eyes are held still, a measured choice — see the README).
import { COARSE, featherWide, upsample } from './coarse';
import { annotations } from './mesh';
import { fillPolygon, scalePoly } from './raster';
import { geometry, identityGrid } from './regions';

const A = annotations;

export interface ShapeGains {
  /** cheeks out and up */
  midface: number;
  /** jaw inward and up */
  jaw: number;
  /** chin up: a shorter lower face */
  chin: number;
  /** outer lip contour outward */
  lips: number;
}

interface Control {
  c: [number, number];
  /** displacement in face-space pixels */
  d: [number, number];
  /** spread, face-space pixels */
  sigma: number;
}

/**
 * Control displacements in eye distances at gain 1 (published directions; magnitudes chosen on the tuning faces
 * only: at the default 0.7 the jaw moves 7 % of the eye distance, the chin 5.5 %, cheeks 5 %, lips 4 %).
 */
export const SHAPE_UNITS = { midface: 0.0714, jaw: 0.1, chin: 0.0786, lips: 0.0571 } as const;

export function shapeControls(p: Float32Array, g: ShapeGains): Control[] {
  const { iod, rightSide } = geometry(p);
  const pt = (i: number): [number, number] => [p[2 * i]!, p[2 * i + 1]!];
  const out: Control[] = [];
  const add = (i: number, dx: number, dy: number, sigma: number) => {
    if (dx || dy) out.push({ c: pt(i), d: [dx * iod, dy * iod], sigma: sigma * iod });
  };
  for (const side of ['right', 'left'] as const) {
    const s = side === 'right' ? rightSide : -rightSide; // +x outward on this side
    // mid-face: the cheek apex and the cheek below it
    for (const i of side === 'right' ? [50, 205, 123] : [280, 425, 352]) add(i, s * g.midface * SHAPE_UNITS.midface, -0.6 * g.midface * SHAPE_UNITS.midface, 0.22);
    // jaw and jowl: inward and up, strongest at the jowl
    const jaw = side === 'right' ? [58, 172, 136, 150, 149] : [288, 397, 365, 379, 378];
    [0.5, 1, 1, 0.7, 0.4].forEach((w, k) => add(jaw[k]!, -s * w * g.jaw * SHAPE_UNITS.jaw, -0.4 * w * g.jaw * SHAPE_UNITS.jaw, 0.22));
    // mouth corner up a little
    add(side === 'right' ? 61 : 291, 0, -0.5 * g.lips * SHAPE_UNITS.lips, 0.08);
  }
  for (const i of [152, 148, 377, 176, 400]) add(i, 0, -g.chin * SHAPE_UNITS.chin, 0.3);
  // fuller lips: the outer contour away from the mouth line, the middle most
  const upper = A.lipsUpperOuter!;
  const lower = A.lipsLowerOuter!;
  const bell = (k: number, n: number) => Math.sin((Math.PI * (k + 0.5)) / n);
  upper.forEach((i, k) => add(i, 0, -g.lips * SHAPE_UNITS.lips * bell(k, upper.length), 0.07));
  lower.forEach((i, k) => add(i, 0, 1.2 * g.lips * SHAPE_UNITS.lips * bell(k, lower.length), 0.07));
  return out;
}

/**
 * GridSample grid [size, size, 2] (align_corners = 0). Near a control the shift is the weighted mean of the
 * nearby controls' shifts (Σ wᵢdᵢ / max(1, Σ wᵢ)), so overlapping controls never add up; it is then scaled
 * by a feathered silhouette so it is zero where the face mask ends, and by `freedom` (0 on brows and eyes).
 */
export function meshWarpGrid(p: Float32Array, size: number, g: ShapeGains, freedom?: Float32Array): Float32Array {
  const grid = identityGrid(size);
  const controls = shapeControls(p, g);
  if (!controls.length) return grid;
  // the displacement field is smooth (every σ ≥ 0.07 eye distances): built on the quarter-resolution grid
  const f = COARSE;
  const s = size / f;
  const sx = new Float32Array(s * s);
  const sy = new Float32Array(s * s);
  const sw = new Float32Array(s * s);
  for (const { c, d, sigma } of controls) {
    const inv = 1 / (2 * sigma * sigma);
    const reach = 3 * sigma;
    const x0 = Math.max(0, Math.floor((c[0] - reach) / f));
    const x1 = Math.min(s - 1, Math.ceil((c[0] + reach) / f));
    const y0 = Math.max(0, Math.floor((c[1] - reach) / f));
    const y1 = Math.min(s - 1, Math.ceil((c[1] + reach) / f));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const dx = (x + 0.5) * f - c[0];
        const dy = (y + 0.5) * f - c[1];
        const w = Math.exp(-(dx * dx + dy * dy) * inv);
        const k = y * s + x;
        sx[k] = sx[k]! + w * d[0];
        sy[k] = sy[k]! + w * d[1];
        sw[k] = sw[k]! + w;
      }
  }
  for (let k = 0; k < s * s; k++) {
    const norm = Math.max(1, sw[k]!);
    sx[k] = sx[k]! / norm;
    sy[k] = sy[k]! / norm;
  }
  const ux = upsample(sx, size);
  const uy = upsample(sy, size);
  const { iod } = geometry(p);
  const inside = new Float32Array(size * size);
  fillPolygon(inside, size, size, scalePoly(A.silhouette!.map((i) => [p[2 * i]!, p[2 * i + 1]!]), 1.02));
  const fade = featherWide(inside, size, Math.max(8, 0.04 * iod));
  for (let k = 0; k < size * size; k++) {
    const free = fade[k]! * (freedom ? freedom[k]! : 1);
    if (!(free > 1e-6)) continue;
    // content moves by +d, so each output pixel samples from −d (2/size per pixel in grid units)
    grid[2 * k] = grid[2 * k]! - (2 * ux[k]! * free) / size;
    grid[2 * k + 1] = grid[2 * k + 1]! - (2 * uy[k]! * free) / size;
  }
  return grid;
}
