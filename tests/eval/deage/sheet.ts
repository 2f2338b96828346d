// Before/after sheets for people to look at: one row per face, input | smoothing baseline | de-aged, each a
// roll-corrected crop of the face; the face order is written beside the sheet.
import { encodePng, type Raster } from '../../../src/effects/plates/png';
import { cropToImage } from '../../../src/effects/deage/face/affine';
import { boxFromMesh } from '../../../src/effects/deage/face/mesh';
import { sampleToTensor } from '../../../src/effects/deage/face/sample';

export const TILE = 200;

export interface SheetRow {
  points: Float32Array;
  images: Raster[];
}

export function sheetPng(rows: SheetRow[], perRow = 2): Uint8Array {
  const cols = rows[0]?.images.length ?? 3;
  const gap = 8;
  const W = perRow * (cols * TILE + gap);
  const H = Math.ceil(rows.length / perRow) * (TILE + gap);
  const data = new Uint8ClampedArray(W * H * 4).fill(255);
  rows.forEach((row, k) => {
    const box = boxFromMesh(row.points, 1.6);
    const toImage = cropToImage(box.centre, box.side, box.angle, TILE);
    row.images.forEach((img, j) => {
      const t = sampleToTensor(img, toImage, TILE, TILE, 1);
      const ox = (k % perRow) * (cols * TILE + gap) + j * TILE;
      const oy = Math.floor(k / perRow) * (TILE + gap);
      for (let y = 0; y < TILE; y++)
        for (let x = 0; x < TILE; x++) {
          const o = ((oy + y) * W + ox + x) * 4;
          for (let c = 0; c < 3; c++) data[o + c] = t[c * TILE * TILE + y * TILE + x]!;
          data[o + 3] = 255;
        }
    });
  });
  return encodePng({ width: W, height: H, data }, 6);
}
