// The bake: everything the viewport needs to play a collapse without simulating — fragment shapes, per-frame
// poses of the fragments that moved (quantised), and where glue broke (debris is re-spawned from these with
// the layer's seed). Little-endian binary, deflated; the SHA-256 of the bytes is the layer's output hash, so
// the same inputs and seed must produce the very same bytes.
import { deflateSync, inflateSync } from 'fflate';
import type { Fragment } from './fracture';
import type { MemberKind } from './solid';
import type { BreakEvent } from './simulate';

const MAGIC = 0x42435650; // 'PVCB'
export const BAKE_VERSION = 1;
export const BAKE_MIME = 'application/x-previs-collapse-bake';

export const KIND_CODES: MemberKind[] = ['wall', 'slab', 'column', 'glass', 'roof'];

export interface BakeFragment {
  kind: MemberKind;
  centroid: [number, number, number];
  mass: number;
  /** corner positions relative to the centroid, flat xyz */
  vertices: Float32Array;
  /** polygon faces: vertex indices into `vertices` */
  faces: { interior: boolean; idx: number[] }[];
}

export interface BakeBreak {
  time: number;
  pos: [number, number, number];
  vel: [number, number, number];
  area: number;
}

export interface BakeHeader {
  fragmentCount: number;
  frameCount: number;
  fps: number;
  triggerFrame: number;
  seed: number;
  particleBudget: number;
  boundsMin: [number, number, number];
  boundsMax: [number, number, number];
}

export interface Bake extends BakeHeader {
  fragments: BakeFragment[];
  /** per frame: fragment indices that changed and their new poses (7 floats each) */
  frames: { index: Uint16Array; pose: Float32Array }[];
  breaks: BakeBreak[];
}

/** Turns fracture output into the stored fragment description (shared corner list + polygon faces). */
export function bakeFragments(fragments: Fragment[]): BakeFragment[] {
  return fragments.map((f) => {
    const verts: number[] = [];
    const key = new Map<string, number>();
    const faces = f.poly.faces.map((face) => {
      const idx: number[] = [];
      for (let i = 0; i < face.pts.length; i += 3) {
        const x = face.pts[i]! - f.centroid[0], y = face.pts[i + 1]! - f.centroid[1], z = face.pts[i + 2]! - f.centroid[2];
        const k = `${Math.round(x * 1e5)},${Math.round(y * 1e5)},${Math.round(z * 1e5)}`;
        let v = key.get(k);
        if (v === undefined) {
          v = verts.length / 3;
          key.set(k, v);
          verts.push(x, y, z);
        }
        if (idx[idx.length - 1] !== v && idx[0] !== v) idx.push(v);
      }
      return { interior: face.tag >= 0, idx };
    });
    return { kind: f.kind, centroid: [...f.centroid], mass: f.mass, vertices: new Float32Array(verts), faces: faces.filter((q) => q.idx.length >= 3) };
  });
}

/** Records poses frame by frame, keeping only fragments whose quantised pose changed. */
export interface RecordedFrame {
  index: Uint16Array;
  /** quantised poses, 7 per changed fragment: position u16 over the bounds, quaternion i16 (w ≥ 0) */
  q: Int32Array;
}

export class BakeRecorder {
  readonly frames: RecordedFrame[] = [];
  private readonly last: Int32Array;
  constructor(private readonly n: number, private readonly min: readonly number[], private readonly max: readonly number[]) {
    if (n > 65535) throw new Error('a bake holds at most 65,535 fragments');
    this.last = new Int32Array(n * 7);
  }

  /** Quantises to the stored precision, so the recorder's notion of "changed" matches what decoding yields. */
  private q(pose: Float32Array, i: number, out: Int32Array): void {
    for (let k = 0; k < 3; k++) {
      const t = (pose[7 * i + k]! - this.min[k]!) / (this.max[k]! - this.min[k]!);
      out[k] = Math.round(Math.min(1, Math.max(0, t)) * 65535);
    }
    const s = pose[7 * i + 6]! < 0 ? -1 : 1; // q and −q are one rotation: keep w ≥ 0
    for (let k = 0; k < 4; k++) out[3 + k] = Math.round(Math.max(-1, Math.min(1, s * pose[7 * i + 3 + k]!)) * 32767);
  }

  record(pose: Float32Array): void {
    const changed: number[] = [];
    const vals: number[] = [];
    const tmp = new Int32Array(7);
    for (let i = 0; i < this.n; i++) {
      this.q(pose, i, tmp);
      let diff = this.frames.length === 0;
      for (let k = 0; k < 7 && !diff; k++) diff = tmp[k] !== this.last[7 * i + k];
      if (!diff) continue;
      this.last.set(tmp, 7 * i);
      changed.push(i);
      for (let k = 0; k < 7; k++) vals.push(tmp[k]!);
    }
    this.frames.push({ index: Uint16Array.from(changed), q: Int32Array.from(vals) });
  }
}

function dequant(src: ArrayLike<number>, o: number, min: readonly number[], max: readonly number[], out: Float32Array, p: number): void {
  for (let k = 0; k < 3; k++) out[p + k] = min[k]! + (src[o + k]! / 65535) * (max[k]! - min[k]!);
  let x = src[o + 3]! / 32767, y = src[o + 4]! / 32767, z = src[o + 5]! / 32767, w = src[o + 6]! / 32767;
  const l = Math.hypot(x, y, z, w) || 1;
  out[p + 3] = x / l; out[p + 4] = y / l; out[p + 5] = z / l; out[p + 6] = w / l;
}

class Writer {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  len = 0;
  private need(n: number) {
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number) { this.need(1); this.view.setUint8(this.len, v); this.len += 1; }
  u16(v: number) { this.need(2); this.view.setUint16(this.len, v, true); this.len += 2; }
  i16(v: number) { this.need(2); this.view.setInt16(this.len, v, true); this.len += 2; }
  u32(v: number) { this.need(4); this.view.setUint32(this.len, v, true); this.len += 4; }
  i32(v: number) { this.need(4); this.view.setInt32(this.len, v, true); this.len += 4; }
  f32(v: number) { this.need(4); this.view.setFloat32(this.len, v, true); this.len += 4; }
  bytes() { return this.buf.subarray(0, this.len); }
}

class Reader {
  private readonly view: DataView;
  pos = 0;
  constructor(b: Uint8Array) { this.view = new DataView(b.buffer, b.byteOffset, b.byteLength); }
  private take(n: number) {
    if (this.pos + n > this.view.byteLength) throw new Error('collapse bake is truncated');
    const p = this.pos;
    this.pos += n;
    return p;
  }
  u8() { return this.view.getUint8(this.take(1)); }
  u16() { return this.view.getUint16(this.take(2), true); }
  i16() { return this.view.getInt16(this.take(2), true); }
  u32() { return this.view.getUint32(this.take(4), true); }
  i32() { return this.view.getInt32(this.take(4), true); }
  f32() { return this.view.getFloat32(this.take(4), true); }
}

export function encodeBake(header: BakeHeader, fragments: BakeFragment[], frames: RecordedFrame[], breaks: BakeBreak[]): Uint8Array {
  const w = new Writer();
  w.u32(MAGIC); w.u16(BAKE_VERSION);
  w.u32(fragments.length); w.u32(frames.length); w.f32(header.fps); w.i32(header.triggerFrame); w.u32(header.seed >>> 0);
  w.u32(header.particleBudget);
  for (const v of header.boundsMin) w.f32(v);
  for (const v of header.boundsMax) w.f32(v);
  for (const f of fragments) {
    w.u8(KIND_CODES.indexOf(f.kind));
    for (const v of f.centroid) w.f32(v);
    w.f32(f.mass);
    w.u16(f.vertices.length / 3);
    for (const v of f.vertices) w.f32(v);
    w.u16(f.faces.length);
    for (const face of f.faces) {
      w.u8(face.interior ? 1 : 0); w.u8(face.idx.length);
      for (const i of face.idx) w.u16(i);
    }
  }
  for (const fr of frames) {
    w.u32(fr.index.length);
    for (let j = 0; j < fr.index.length; j++) {
      w.u16(fr.index[j]!);
      for (let k = 0; k < 3; k++) w.u16(fr.q[7 * j + k]!);
      for (let k = 0; k < 4; k++) w.i16(fr.q[7 * j + 3 + k]!);
    }
  }
  w.u32(breaks.length);
  for (const b of breaks) {
    w.f32(b.time);
    for (const v of b.pos) w.f32(v);
    for (const v of b.vel) w.f32(v);
    w.f32(b.area);
  }
  return deflateSync(w.bytes(), { level: 6 });
}

export function decodeBake(packed: Uint8Array): Bake {
  const r = new Reader(inflateSync(packed));
  if (r.u32() !== MAGIC) throw new Error('not a collapse bake');
  const version = r.u16();
  if (version !== BAKE_VERSION) throw new Error(`collapse bake version ${version} is not supported`);
  const fragmentCount = r.u32(), frameCount = r.u32(), fps = r.f32(), triggerFrame = r.i32(), seed = r.u32(), particleBudget = r.u32();
  const boundsMin: [number, number, number] = [r.f32(), r.f32(), r.f32()];
  const boundsMax: [number, number, number] = [r.f32(), r.f32(), r.f32()];
  const fragments: BakeFragment[] = [];
  for (let i = 0; i < fragmentCount; i++) {
    const kind = KIND_CODES[r.u8()] ?? 'wall';
    const centroid: [number, number, number] = [r.f32(), r.f32(), r.f32()];
    const mass = r.f32();
    const nv = r.u16();
    const vertices = new Float32Array(nv * 3);
    for (let k = 0; k < nv * 3; k++) vertices[k] = r.f32();
    const nf = r.u16();
    const faces: BakeFragment['faces'] = [];
    for (let k = 0; k < nf; k++) {
      const interior = r.u8() === 1;
      const m = r.u8();
      const idx: number[] = [];
      for (let q = 0; q < m; q++) idx.push(r.u16());
      faces.push({ interior, idx });
    }
    fragments.push({ kind, centroid, mass, vertices, faces });
  }
  const frames: Bake['frames'] = [];
  const tmp = new Int32Array(7);
  for (let f = 0; f < frameCount; f++) {
    const n = r.u32();
    const index = new Uint16Array(n);
    const pose = new Float32Array(n * 7);
    for (let j = 0; j < n; j++) {
      index[j] = r.u16();
      for (let k = 0; k < 3; k++) tmp[k] = r.u16();
      for (let k = 0; k < 4; k++) tmp[3 + k] = r.i16();
      dequant(tmp, 0, boundsMin, boundsMax, pose, 7 * j);
    }
    frames.push({ index, pose });
  }
  const nb = r.u32();
  const breaks: BakeBreak[] = [];
  for (let i = 0; i < nb; i++) {
    breaks.push({ time: r.f32(), pos: [r.f32(), r.f32(), r.f32()], vel: [r.f32(), r.f32(), r.f32()], area: r.f32() });
  }
  return { fragmentCount, frameCount, fps, triggerFrame, seed, particleBudget, boundsMin, boundsMax, fragments, frames, breaks };
}

/** Full pose tables per frame (7 floats per fragment), for scrubbing to any frame at once. */
export function expandPoses(bake: Bake): Float32Array[] {
  const cur = new Float32Array(bake.fragmentCount * 7);
  bake.fragments.forEach((f, i) => cur.set([f.centroid[0], f.centroid[1], f.centroid[2], 0, 0, 0, 1], 7 * i));
  return bake.frames.map((fr) => {
    for (let j = 0; j < fr.index.length; j++) cur.set(fr.pose.subarray(7 * j, 7 * j + 7), 7 * fr.index[j]!);
    return cur.slice();
  });
}

export function breaksOf(events: BreakEvent[], bonds: { area: number }[]): BakeBreak[] {
  return events.map((e) => ({ time: e.time, pos: e.pos, vel: e.vel, area: bonds[e.bond]!.area }));
}
