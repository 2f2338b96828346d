import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkPlateFile, checkPlateSize, PlateImportError, sniffPlate, PLATE_LIMITS } from './sniff';
import { decodePng, encodePng, PlateDecodeError } from './png';

const fixture = (n: string) => new Uint8Array(readFileSync(`tests/fixtures/faces/${n}`));

describe('plate sniffing and limits', () => {
  it('knows the fixtures by their bytes', () => {
    expect(sniffPlate(fixture('astronaut.png'))).toMatchObject({ format: 'png', mediaKind: 'image' });
    expect(sniffPlate(fixture('astronaut-drift.mp4'))).toMatchObject({ format: 'mp4', mediaKind: 'video', mime: 'video/mp4' });
    expect(sniffPlate(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ format: 'jpeg' });
    const webp = new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ');
    expect(sniffPlate(webp)).toMatchObject({ format: 'webp' });
    expect(sniffPlate(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]))).toMatchObject({ format: 'webm' });
  });

  it('refuses empty, unknown and oversized files with a message naming the file', () => {
    expect(() => checkPlateFile('a.png', new Uint8Array())).toThrow(/a\.png is empty/);
    expect(() => checkPlateFile('notes.png', new TextEncoder().encode('hello'))).toThrow(/notes\.png is not a PNG, JPEG/);
    const huge = { length: PLATE_LIMITS.imageBytes + 1, 0: 137, 1: 80, 2: 78, 3: 71, 4: 13, 5: 10, 6: 26, 7: 10 } as unknown as Uint8Array;
    const fake = new Proxy(huge, { get: (t, k) => (k === 'subarray' ? () => new Uint8Array() : (t as never)[k]) });
    expect(() => checkPlateFile('big.png', fake)).toThrow(PlateImportError);
    expect(() => checkPlateSize('wide.png', 9000, 100, 1)).toThrow(/9000×100/);
    expect(() => checkPlateSize('long.mp4', 100, 100, 50_000)).toThrow(/50000 frames/);
  });
});

describe('PNG codec', () => {
  it('decodes the astronaut and round-trips through the encoder', () => {
    const r = decodePng(fixture('astronaut.png'));
    expect([r.width, r.height]).toEqual([512, 512]);
    const again = decodePng(encodePng(r));
    expect(Buffer.compare(Buffer.from(again.data), Buffer.from(r.data))).toBe(0);
  });

  it('refuses a truncated PNG with a clear error', () => {
    const bytes = fixture('astronaut.png').subarray(0, 5000);
    expect(() => decodePng(bytes)).toThrow(PlateDecodeError);
  });
});
