// The colour cues of a younger face, applied to the face-aligned crop before the de-age graph, on skin and
// lips only (eyes, brows, lashes, glasses and hair are never touched):
//   facial contrast — contrast between the features and the skin around them falls with age (Porcheron,
//     Mauger, Russell 2013, PLoS ONE 8(3): e57985), so the skin is lifted a little, most in rings around the
//     eyes, brows and mouth, and the lips are made redder and a little darker;
//   warmth and evenness — older skin reads yellower and blotchier: the skin's colour is pulled toward its own
//     smooth average (chroma only, texture kept) and warmed toward red.
// Pure per-pixel work on a 512² crop (a few ms); masks come from the landmarks.
import { featherPlane } from './feather';
import { featherWide } from './coarse';
import { annotations } from './mesh';
import { fillPolygon, scalePoly, type Poly } from './raster';
import { geometry } from './regions';

const A = annotations;

export interface ColourGains {
  /** feature contrast (skin lift around eyes, brows, mouth) */
  contrast: number;
  /** lip colour */
  lips: number;
  /** warmth and chroma evening on skin */
  warmth: number;
}

/**
 * At gain 1: skin lift overall and in the rings (fraction of the value), lip redness and darkening, warmth, chroma
 * evening. The default cue strengths (0.7 at 15 years) were chosen on the tuning faces only (README, "De-aging
 * evaluation"); the magnitudes are small on purpose: a few per cent of the value.
 */
export const COLOUR_UNITS = { skinLift: 0.057, ringLift: 0.114, lipRed: 0.129, lipDarken: 0.086, warm: 0.057, evenChroma: 1 } as const;

const poly = (p: Float32Array, idx: number[]): Poly => idx.map((i) => [p[2 * i]!, p[2 * i + 1]!]);

export function lipPolygon(p: Float32Array): Poly {
  return poly(p, [61, ...A.lipsUpperOuter!, 291, ...[...A.lipsLowerOuter!].reverse().filter((i) => i !== 61 && i !== 291)]);
}

/** Applies the colour cues to `crop` ([3, S, S], 0..1) in place; `skin` is the feathered skin weight. */
export function applyColourCues(crop: Float32Array, S: number, p: Float32Array, skin: Float32Array, g: ColourGains): void {
  if (!(g.contrast > 0 || g.lips > 0 || g.warmth > 0)) return;
  const n = S * S;
  const { iod } = geometry(p);
  // rings around the features: a dilated feature shape; the feature itself is not skin, so skin × ring keeps it out
  const ring = new Float32Array(n);
  for (const side of ['right', 'left']) {
    fillPolygon(ring, S, S, scalePoly(poly(p, [...A[`${side}EyeLower3`]!, ...[...A[`${side}EyeUpper2`]!].reverse()]), 1.35));
    fillPolygon(ring, S, S, scalePoly(poly(p, [...A[`${side}EyebrowUpper`]!, ...[...A[`${side}EyebrowLower`]!].reverse()]), 1.5));
  }
  fillPolygon(ring, S, S, scalePoly(lipPolygon(p), 1.45));
  const ringW = featherWide(ring, S, Math.max(8, 0.06 * iod));
  const lips = new Float32Array(n);
  fillPolygon(lips, S, S, scalePoly(lipPolygon(p), 0.97));
  // the mouth opening (teeth) is not lip
  fillPolygon(lips, S, S, poly(p, [...A.lipsUpperInner!, ...[...A.lipsLowerInner!].reverse()]), 0);
  const lipW = featherPlane(lips, S, S, Math.max(1.5, 0.02 * iod));
  // the skin's own smooth colour, for chroma evening
  let mr = 0;
  let mg = 0;
  let mb = 0;
  let mw = 0;
  for (let i = 0; i < n; i++) {
    const w = skin[i]!;
    if (w < 0.5) continue;
    mr += w * crop[i]!;
    mg += w * crop[n + i]!;
    mb += w * crop[2 * n + i]!;
    mw += w;
  }
  if (mw > 0) {
    mr /= mw;
    mg /= mw;
    mb /= mw;
  }
  const meanL = (mr + mg + mb) / 3;
  const U = COLOUR_UNITS;
  for (let i = 0; i < n; i++) {
    const s = skin[i]!;
    const l = lipW[i]!;
    if (s <= 0 && l <= 0) continue;
    let r = crop[i]!;
    let gg = crop[n + i]!;
    let b = crop[2 * n + i]!;
    if (s > 0 && mw > 0) {
      // chroma toward the skin's mean chroma, luminance kept: blotches even out, texture stays
      const L = (r + gg + b) / 3;
      const e = Math.min(1, g.warmth * U.evenChroma) * s;
      r += e * (mr - meanL + L - r);
      gg += e * (mg - meanL + L - gg);
      b += e * (mb - meanL + L - b);
      const lift = 1 + s * (g.contrast * (U.skinLift + U.ringLift * ringW[i]!));
      const warm = g.warmth * U.warm * s;
      r = r * lift * (1 + warm);
      gg = gg * lift * (1 - 0.3 * warm);
      b = b * lift * (1 - 0.6 * warm);
    }
    if (l > 0) {
      const red = g.lips * U.lipRed * l;
      const dark = 1 - g.lips * U.lipDarken * l;
      r = r * (1 + red) * dark;
      gg = gg * (1 - red) * dark;
      b = b * (1 - 0.5 * red) * dark;
    }
    crop[i] = Math.min(1, Math.max(0, r));
    crop[n + i] = Math.min(1, Math.max(0, gg));
    crop[2 * n + i] = Math.min(1, Math.max(0, b));
  }
}
