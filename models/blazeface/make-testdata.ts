// Makes the BlazeFace test input from the NASA astronaut portrait (public domain) that Debian's
// python3-skimage ships as skimage/data/astronaut.png: a 256² crop around the face, box-filtered to 128²,
// NHWC float32 in [-1, 1] as the model expects. The output is committed; this is here to show how it was made.
//   apt-get download python3-skimage && dpkg -x python3-skimage_*.deb x
//   node --import tsx models/blazeface/make-testdata.ts x/usr/lib/python3/dist-packages/skimage/data/astronaut.png
import { readFileSync, writeFileSync } from 'node:fs';
import { decodePng } from '../lib/png.ts';

const CROP = { x: 97, y: 0, size: 256 };
const OUT = 128;

const src = process.argv[2];
if (!src) throw new Error('usage: make-testdata.ts <astronaut.png>');
const img = decodePng(readFileSync(src));
const f = CROP.size / OUT;
const out = new Float32Array(OUT * OUT * 3);
for (let y = 0; y < OUT; y++) {
  for (let x = 0; x < OUT; x++) {
    for (let c = 0; c < 3; c++) {
      let sum = 0;
      for (let dy = 0; dy < f; dy++) {
        for (let dx = 0; dx < f; dx++) {
          sum += img.rgb[((CROP.y + y * f + dy) * img.width + CROP.x + x * f + dx) * 3 + c]!;
        }
      }
      out[(y * OUT + x) * 3 + c] = (sum / (f * f) / 255) * 2 - 1;
    }
  }
}
writeFileSync(new URL('./testdata/astronaut-face-128.f32', import.meta.url), new Uint8Array(out.buffer));
console.log('wrote astronaut-face-128.f32');
