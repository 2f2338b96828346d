// Where a C2PA manifest store sits in our containers, and how our binding sees past it. c2pa-rs puts the store
// in a PNG `caBX` chunk right after IHDR, and in an MP4 `uuid` box (C2PA's UUID) right after ftyp — before the
// media, so it also moves every stco/co64 chunk offset by the box's size. Our binding is defined on the file
// as it is without that unit: the unit is skipped and those chunk offsets are read back as they were.
// Spec: C2PA 2.x §A.3.3 (PNG caBX), §A.4 (BMFF uuid D8FEC3D6-1B0E-483C-9297-5828877EC481).
import { readU32BE, writeU32BE } from '../bindBytes';

export const PNG_C2PA_CHUNK = 'caBX';
export const C2PA_UUID = 'd8fec3d61b0e483c92975828877ec481';

export interface C2paUnit {
  /** which unit, for people */
  unit: 'caBX chunk' | 'C2PA uuid box';
  /** offset in the file */
  start: number;
  size: number;
}

/**
 * An stco/co64 box as it was before a unit of `size` bytes was inserted at `at`: offsets past the insertion are
 * moved back. The box is copied; the file is not touched.
 */
export function chunkOffsetsWithout(box: Uint8Array, type: 'stco' | 'co64', headerSize: number, at: number, size: number): Uint8Array {
  const out = box.slice();
  const count = readU32BE(out, headerSize + 4);
  const first = headerSize + 8;
  const width = type === 'co64' ? 8 : 4;
  if (first + count * width > out.length) throw new Error(`${type} box is shorter than its ${count} entries`);
  for (let i = 0; i < count; i++) {
    const o = first + i * width;
    if (type === 'stco') {
      const v = readU32BE(out, o);
      if (v >= at + size) writeU32BE(out, o, v - size);
    } else {
      const v = readU32BE(out, o) * 2 ** 32 + readU32BE(out, o + 4);
      if (v >= at + size) {
        const n = v - size;
        writeU32BE(out, o, Math.floor(n / 2 ** 32));
        writeU32BE(out, o + 4, n >>> 0);
      }
    }
  }
  return out;
}
