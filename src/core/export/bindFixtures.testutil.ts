// Test-only helpers (Node): real PNG/MP4/GLB files made here, so tests need no checked-in binaries.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { buildPngChunk, PNG_SIGNATURE, readPngChunks } from './pngChunks';
import { concatBytes } from './bindBytes';
import { buildGlb } from './glbContainer';

export const hasFfmpeg = existsSync('/usr/bin/ffmpeg') && existsSync('/usr/bin/ffprobe');

/** An RGB PNG with a gradient, split over two IDAT chunks (as encoders do for large images). */
export function makePng(width = 64, height = 48, seed = 0): Uint8Array {
  const raw = new Uint8Array(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0;
    for (let x = 0; x < width; x++) {
      const o = y * (1 + width * 3) + 1 + x * 3;
      raw[o] = (x * 4 + seed) & 255;
      raw[o + 1] = (y * 5) & 255;
      raw[o + 2] = ((x ^ y) * 3 + seed) & 255;
    }
  }
  const z = new Uint8Array(deflateSync(raw));
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const half = Math.floor(z.length / 2);
  return concatBytes([
    PNG_SIGNATURE,
    buildPngChunk('IHDR', ihdr),
    buildPngChunk('IDAT', z.subarray(0, half)),
    buildPngChunk('IDAT', z.subarray(half)),
    buildPngChunk('IEND', new Uint8Array(0)),
  ]);
}

/** Decodes an 8-bit RGB, filter-0 PNG (what makePng writes) back to pixels: a reader independent of ours. */
export function decodeSimplePng(png: Uint8Array): { width: number; height: number; rgb: Uint8Array } {
  const chunks = readPngChunks(png);
  const ihdr = chunks[0]!.data;
  const dv = new DataView(ihdr.buffer, ihdr.byteOffset, ihdr.byteLength);
  const width = dv.getUint32(0);
  const height = dv.getUint32(4);
  const z = concatBytes(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  const raw = new Uint8Array(inflateSync(z));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) rgb.set(raw.subarray(y * (1 + width * 3) + 1, (y + 1) * (1 + width * 3)), y * width * 3);
  return { width, height, rgb };
}

/** An H.264 MP4 made by ffmpeg (testsrc pattern), `frames` frames at `fps`. */
export function makeMp4(frames = 24, fps = 24, size = '160x90', faststart = true): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'previs-mp4-'));
  const out = join(dir, 'clip.mp4');
  try {
    execFileSync('/usr/bin/ffmpeg', [
      '-v', 'error', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=${fps}`, '-frames:v', String(frames),
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', ...(faststart ? ['-movflags', '+faststart'] : []), out,
    ]);
    return new Uint8Array(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** ffprobe's view of a file: container duration, video frames counted by decoding, and any errors. */
export function probe(bytes: Uint8Array, ext: string): { duration: number; frames: number; errors: string } {
  const dir = mkdtempSync(join(tmpdir(), 'previs-probe-'));
  const f = join(dir, `f.${ext}`);
  try {
    writeFileSync(f, bytes);
    const json = execFileSync('/usr/bin/ffprobe', [
      '-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'format=duration:stream=nb_read_frames',
      '-of', 'json', f,
    ], { encoding: 'utf8' });
    const errors = execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-i', f, '-f', 'null', '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const j = JSON.parse(json) as { format: { duration: string }; streams: { nb_read_frames: string }[] };
    return { duration: Number(j.format.duration), frames: Number(j.streams[0]?.nb_read_frames), errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small GLB with a node hierarchy: root → building → bake (layer L1), camera node, plate node (layer L2). */
export function makeGlb(): Uint8Array {
  const bin = new Uint8Array(36);
  new Float32Array(bin.buffer).set([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  const json = {
    asset: { version: '2.0', generator: 'test' },
    scene: 0,
    scenes: [{ nodes: [0] }],
    nodes: [
      { name: 'root', children: [1, 3, 4] },
      { name: 'building', children: [2] },
      { name: 'collapse bake', mesh: 0, extras: { previsLayerIds: ['layer-collapse'] } },
      { name: 'cam', camera: 0 },
      { name: 'plate', extras: { previsLayerIds: ['layer-deage'] } },
    ],
    cameras: [{ type: 'perspective', perspective: { yfov: 0.6, znear: 0.1, aspectRatio: 1.78 } }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0 } }] }],
    accessors: [{ bufferView: 0, componentType: 5126, count: 3, type: 'VEC3', min: [0, 0, 0], max: [1, 1, 0] }],
    bufferViews: [{ buffer: 0, byteOffset: 0, byteLength: 36 }],
    buffers: [{ byteLength: 36 }],
  };
  return buildGlb(json, bin);
}
