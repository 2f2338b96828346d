import { describe, expect, it } from 'vitest';
import { decodeSimplePng, makePng } from './bindFixtures.testutil';
import { buildITxt, crc32, insertPngBundle, isXmpChunk, parseITxt, PNG_BUNDLE_CHUNK, readPngChunks, withPngXmp } from './pngChunks';
import { utf8 } from './bindBytes';

describe('PNG chunks', () => {
  it('computes the PNG CRC-32 of a known chunk (IEND = AE 42 60 82)', () => {
    expect(crc32(utf8('IEND'))).toBe(0xae426082);
  });

  it('adds an XMP iTXt after IHDR and a bundle chunk before IEND, leaving pixels untouched', () => {
    const png = makePng();
    const { bytes, bundleAt } = withPngXmp(png, '<x:xmpmeta>héllo</x:xmpmeta>');
    const out = insertPngBundle(bytes, bundleAt, utf8('{"a":1}'));
    const chunks = readPngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IDAT', PNG_BUNDLE_CHUNK, 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(isXmpChunk(chunks[1]!)).toBe(true);
    expect(parseITxt(chunks[1]!.data)).toEqual({ keyword: 'XML:com.adobe.xmp', compressed: false, text: '<x:xmpmeta>héllo</x:xmpmeta>' });
    expect(decodeSimplePng(out).rgb).toEqual(decodeSimplePng(png).rgb);
  });

  it('replaces an earlier XMP packet and bundle instead of stacking them', () => {
    const once = withPngXmp(makePng(), 'one');
    const first = insertPngBundle(once.bytes, once.bundleAt, utf8('x'));
    const twice = withPngXmp(first, 'two');
    const types = readPngChunks(twice.bytes).map((c) => c.type);
    expect(types).toEqual(['IHDR', 'iTXt', 'IDAT', 'IDAT', 'IEND']);
  });

  it('flags a bad CRC and refuses truncated files', () => {
    const png = makePng();
    const bad = png.slice();
    bad[40] = (bad[40]! ^ 1) & 255;
    expect(readPngChunks(bad).some((c) => !c.crcOk)).toBe(true);
    expect(() => readPngChunks(png.subarray(0, png.length - 5))).toThrow(/truncated/);
    expect(() => readPngChunks(utf8('not a png at all'))).toThrow(/signature/);
  });

  it('builds an iTXt with keyword, empty language and translated keyword', () => {
    const c = buildITxt('XML:com.adobe.xmp', 'ok');
    expect(Array.from(c.subarray(8, 8 + 17 + 5))).toEqual([...utf8('XML:com.adobe.xmp'), 0, 0, 0, 0, 0]);
  });
});
