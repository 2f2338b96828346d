import { describe, expect, it } from 'vitest';
import { hasFfmpeg, makeMp4, probe } from './bindFixtures.testutil';
import { BUNDLE_UUID, insertMp4Bundle, readMp4Boxes, readMp4Timing, withMp4Xmp, XMP_UUID } from './mp4Boxes';
import { fromUtf8, utf8 } from './bindBytes';

describe.skipIf(!hasFfmpeg)('MP4 boxes', () => {
  const mp4 = makeMp4(24, 24);

  it('reads the box tree and the timing of an ffmpeg file', () => {
    const top = readMp4Boxes(mp4).map((b) => b.type);
    expect(top).toContain('moov');
    expect(top).toContain('mdat');
    const t = readMp4Timing(mp4)!;
    expect(t.videoFrames).toBe(24);
    expect(t.durationSeconds).toBeCloseTo(1, 2);
  });

  it('appends the XMP uuid box and the bundle box; ffprobe still reads every frame', () => {
    const { bytes, bundleAt } = withMp4Xmp(mp4, '<xmp/>');
    const out = insertMp4Bundle(bytes, bundleAt, utf8('{"b":2}'));
    const top = readMp4Boxes(out);
    const xmp = top.find((b) => b.uuid === XMP_UUID)!;
    const bundle = top.find((b) => b.uuid === BUNDLE_UUID)!;
    expect(fromUtf8(out.subarray(xmp.start + xmp.headerSize, xmp.start + xmp.size))).toBe('<xmp/>');
    expect(bundle.start).toBe(bundleAt);
    expect(out.subarray(0, mp4.length)).toEqual(mp4);
    const p = probe(out, 'mp4');
    expect(p.frames).toBe(24);
    expect(p.duration).toBeCloseTo(1, 2);
    expect(p.errors).toBe('');
  });

  it('blanks an earlier packet that sits before the media instead of moving the media', () => {
    const noFast = makeMp4(12, 24, '160x90', false); // moov after mdat
    const { bytes, bundleAt } = withMp4Xmp(noFast, 'first');
    const once = insertMp4Bundle(bytes, bundleAt, utf8('x'));
    const again = withMp4Xmp(once, 'second').bytes;
    const xmps = readMp4Boxes(again).filter((b) => b.uuid === XMP_UUID);
    expect(xmps).toHaveLength(1);
    expect(probe(again, 'mp4').frames).toBe(12);
  });
});
