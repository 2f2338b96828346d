// Reading glTF accessor data as plain numbers, as the specification lays it out (§3.6): a buffer view with an
// optional stride, any component type, normalized integers mapped to [0, 1] or [−1, 1], and sparse substitutions
// over either the view's data or zeros. Used to check positions and indices before any loader sees them.

export const COMPONENTS: Readonly<Record<string, number>> = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4, MAT2: 4, MAT3: 9, MAT4: 16 };
export const COMPONENT_BYTES: Readonly<Record<number, number>> = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };

export interface ViewRef {
  bytes: Uint8Array;
  stride: number | undefined;
}

export interface AccessorDef {
  bufferView?: number;
  byteOffset?: number;
  componentType: number;
  normalized?: boolean;
  count: number;
  type: string;
  sparse?: {
    count: number;
    indices: { bufferView: number; byteOffset?: number; componentType: number };
    values: { bufferView: number; byteOffset?: number };
  };
}

function reader(dv: DataView, componentType: number, normalized: boolean): (at: number) => number {
  switch (componentType) {
    case 5120:
      return normalized ? (at) => Math.max(dv.getInt8(at) / 127, -1) : (at) => dv.getInt8(at);
    case 5121:
      return normalized ? (at) => dv.getUint8(at) / 255 : (at) => dv.getUint8(at);
    case 5122:
      return normalized ? (at) => Math.max(dv.getInt16(at, true) / 32767, -1) : (at) => dv.getInt16(at, true);
    case 5123:
      return normalized ? (at) => dv.getUint16(at, true) / 65535 : (at) => dv.getUint16(at, true);
    case 5125:
      return (at) => dv.getUint32(at, true);
    default:
      return (at) => dv.getFloat32(at, true);
  }
}

/**
 * All components of an accessor, element after element. Ranges must have been checked already (the structural
 * check does), so reads stay inside each view.
 */
export function readAccessor(a: AccessorDef, view: (index: number) => ViewRef): Float64Array {
  const comps = COMPONENTS[a.type]!;
  const size = COMPONENT_BYTES[a.componentType]!;
  const out = new Float64Array(a.count * comps);
  if (a.bufferView !== undefined) {
    const v = view(a.bufferView);
    const dv = new DataView(v.bytes.buffer, v.bytes.byteOffset, v.bytes.byteLength);
    const read = reader(dv, a.componentType, a.normalized === true);
    const stride = v.stride ?? comps * size;
    const base = a.byteOffset ?? 0;
    for (let e = 0; e < a.count; e++) for (let c = 0; c < comps; c++) out[e * comps + c] = read(base + e * stride + c * size);
  }
  if (a.sparse) {
    const iv = view(a.sparse.indices.bufferView);
    const idv = new DataView(iv.bytes.buffer, iv.bytes.byteOffset, iv.bytes.byteLength);
    const readIndex = reader(idv, a.sparse.indices.componentType, false);
    const isize = COMPONENT_BYTES[a.sparse.indices.componentType]!;
    const vv = view(a.sparse.values.bufferView);
    const vdv = new DataView(vv.bytes.buffer, vv.bytes.byteOffset, vv.bytes.byteLength);
    const readValue = reader(vdv, a.componentType, a.normalized === true);
    const ib = a.sparse.indices.byteOffset ?? 0;
    const vb = a.sparse.values.byteOffset ?? 0;
    for (let s = 0; s < a.sparse.count; s++) {
      const target = readIndex(ib + s * isize);
      if (target >= a.count) continue; // reported by the structural check
      for (let c = 0; c < comps; c++) out[target * comps + c] = readValue(vb + (s * comps + c) * size);
    }
  }
  return out;
}

/** Bytes of a base64 data URI, or null when it is not one. */
export function dataUriBytes(uri: string): Uint8Array | null {
  const m = /^data:[^,]*?;base64,/i.exec(uri);
  if (!m) return null;
  try {
    const bin = atob(uri.slice(m[0].length).replace(/\s+/g, ''));
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}
