// The plain baseline every de-age number is compared with: a bilateral filter over the skin (the face mask
// minus eyes, brows, lips and nostrils), i.e. what a beauty filter does. If the effect does not read younger
// than this, it is a beauty filter too.
import type { Raster } from '../../../src/effects/plates/png';
import { compositeDelta } from '../../../src/effects/deage/composite';
import { featherPlane } from '../../../src/effects/deage/face/feather';
import type { PreparedFace } from '../../../src/effects/deage/pipeline';
import { SCALES } from '../../../src/effects/deage/constants';

/** σ in face-space pixels (512² space, ≈ 2 % of the face width) and in 0..1 intensity. */
export const BILATERAL = { sigmaSpace: 8, sigmaRange: 0.1 } as const;

export function bilateralPlanes(img: Float32Array, size: number, where: Float32Array, sigmaSpace: number, sigmaRange: number): Float32Array {
  const out = img.slice();
  const n = size * size;
  const r = Math.ceil(2 * sigmaSpace);
  const ws = new Float32Array((2 * r + 1) ** 2);
  for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) ws[(dy + r) * (2 * r + 1) + dx + r] = Math.exp(-(dx * dx + dy * dy) / (2 * sigmaSpace ** 2));
  const kr = -1 / (2 * sigmaRange ** 2);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (!(where[i]! > 0)) continue;
      const r0 = img[i]!;
      const g0 = img[n + i]!;
      const b0 = img[2 * n + i]!;
      let sr = 0;
      let sg = 0;
      let sb = 0;
      let sw = 0;
      for (let dy = -r; dy <= r; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= size) continue;
        for (let dx = -r; dx <= r; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= size) continue;
          const j = yy * size + xx;
          const dr = img[j]! - r0;
          const dg = img[n + j]! - g0;
          const db = img[2 * n + j]! - b0;
          const w = ws[(dy + r) * (2 * r + 1) + dx + r]! * Math.exp((dr * dr + dg * dg + db * db) * kr);
          sr += w * img[j]!;
          sg += w * img[n + j]!;
          sb += w * img[2 * n + j]!;
          sw += w;
        }
      }
      out[i] = sr / sw;
      out[n + i] = sg / sw;
      out[2 * n + i] = sb / sw;
    }
  return out;
}

export function smoothingBaseline(plate: Raster, face: PreparedFace): Raster {
  const S = face.space.size;
  const n = S * S;
  const skin = featherPlane(face.masks.subarray(n, 2 * n), S, S, SCALES.maskSigma);
  const smooth = bilateralPlanes(face.crop, S, skin, BILATERAL.sigmaSpace, BILATERAL.sigmaRange);
  const delta = new Float32Array(3 * n);
  for (let c = 0; c < 3; c++) for (let i = 0; i < n; i++) delta[c * n + i] = (smooth[c * n + i]! - face.crop[c * n + i]!) * skin[i]!;
  return compositeDelta(plate, face.space, delta, skin).output;
}
