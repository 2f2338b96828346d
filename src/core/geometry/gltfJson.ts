// The glTF JSON as the specification types it, checked without trusting a single field: every list a list, every
// index an integer inside its list, every range inside its buffer, the nodes a forest. Then the data a scene cannot
// survive (non-finite positions, indices past their vertices) and the budgets of an interactive viewport. Errors
// read as the end of a sentence that starts with the file's name ("… is not a valid glTF file: …").
import { COMPONENTS, COMPONENT_BYTES, dataUriBytes, readAccessor, type AccessorDef, type ViewRef } from './gltfData';

/** What the viewport can draw interactively; a file past any of these is refused, not loaded slowly. */
export const GLTF_LIMITS = {
  nodes: 10_000,
  meshes: 10_000,
  primitives: 20_000,
  accessors: 100_000,
  vertices: 5_000_000,
  indices: 15_000_000,
  images: 128,
  depth: 256,
} as const;

/** Extensions three's loader decodes (or that only add data it can ignore); a required one outside this list is
 * refused by name. */
const SUPPORTED = new Set([
  'KHR_mesh_quantization',
  'KHR_texture_transform',
  'KHR_materials_unlit',
  'KHR_materials_emissive_strength',
  'KHR_materials_clearcoat',
  'KHR_materials_transmission',
  'KHR_materials_volume',
  'KHR_materials_ior',
  'KHR_materials_specular',
  'KHR_materials_sheen',
  'KHR_materials_iridescence',
  'KHR_materials_anisotropy',
  'KHR_materials_dispersion',
  'KHR_materials_pbrSpecularGlossiness',
  'KHR_lights_punctual',
  'EXT_texture_webp',
  'EXT_texture_avif',
  'EXT_mesh_gpu_instancing',
  // compressed geometry: decoded on the page by the decoders the app serves (viewport/objects/gltfDecoders.ts)
  'KHR_draco_mesh_compression',
  'EXT_meshopt_compression',
  'KHR_meshopt_compression',
]);
const COMPRESSION: Record<string, string> = {
  KHR_texture_basisu: 'Basis Universal (KTX2) textures',
};
const MESHOPT = ['EXT_meshopt_compression', 'KHR_meshopt_compression'] as const;

/** The meshopt extension object on a buffer or buffer view, if any. */
function meshoptOf(o: Obj): Obj | null {
  if (!isObj(o.extensions)) return null;
  for (const name of MESHOPT) {
    const e = (o.extensions as Obj)[name];
    if (e !== undefined) return isObj(e) ? e : fail(`its ${name} extension is not an object`);
  }
  return null;
}

export interface GltfFacts {
  nodes: number;
  meshes: number;
  vertices: number;
  triangles: number;
  images: number;
  /** things in the file that are left out on import (cameras, lights), one sentence each */
  notes: string[];
  /** things repaired or worth knowing (degenerate triangles), one sentence each */
  warnings: string[];
}

export type GltfCheck = { ok: true; facts: GltfFacts } | { ok: false; error: string };

class Invalid extends Error {}
const fail = (msg: string): never => {
  throw new Invalid(msg);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(json: Obj, key: string, required = false): Obj[] {
  const v = json[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v)) return fail(`"${key}" is not a list`);
  v.forEach((e, i) => isObj(e) || fail(`${key}[${i}] is not an object`));
  return v as Obj[];
}

function int(v: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) return fail(`${what} is ${describe(v)}, not a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`);
  return v;
}

function optInt(v: unknown, what: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return v === undefined ? undefined : int(v, what, min, max);
}

function index(v: unknown, length: number, what: string, of: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= length) return fail(`${what} points at ${of} ${describe(v)}, which does not exist`);
  return v;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

export function checkGltfJson(json: Obj, bin: Uint8Array | null, container: 'glb' | 'gltf', progress?: (stage: string, fraction: number) => void): GltfCheck {
  try {
    return { ok: true, facts: checkOrThrow(json, bin, container, progress ?? (() => {})) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message.startsWith('!') ? e.message.slice(1) : `is not a valid glTF file: ${e.message}` };
    return { ok: false, error: 'could not be checked: its glTF structure is not what the specification describes' };
  }
}

function checkOrThrow(json: Obj, bin: Uint8Array | null, container: 'glb' | 'gltf', progress: (stage: string, fraction: number) => void): GltfFacts {
  const asset = json.asset;
  const version = isObj(asset) ? asset.version : undefined;
  if (typeof version !== 'string' || !/^2\.\d+$/.test(version)) fail(`!is not glTF 2.0 (asset.version is ${describe(version)})`);
  const required = json.extensionsRequired === undefined ? [] : json.extensionsRequired;
  if (!Array.isArray(required)) fail('"extensionsRequired" is not a list');
  for (const ext of required as unknown[]) {
    if (typeof ext !== 'string') fail('"extensionsRequired" holds a name that is not text');
    const e = ext as string;
    if (COMPRESSION[e]) fail(`!uses ${COMPRESSION[e]} (${e}), which this importer does not decode; export it again without compression`);
    if (!SUPPORTED.has(e)) fail(`!requires the glTF extension ${e}, which this importer does not support`);
  }

  // buffers and their bytes (GLB BIN chunk or data URIs); external files are refused: only one file arrives
  const buffers = list(json, 'buffers');
  const bufferBytes: (Uint8Array | null)[] = buffers.map((b, i) => {
    const length = int(b.byteLength, `buffers[${i}].byteLength`, 1);
    // a meshopt fallback buffer has no data of its own: its views are decoded from compressed views elsewhere
    if (b.uri === undefined && meshoptOf(b)?.fallback === true) return null;
    if (b.uri === undefined) {
      if (container !== 'glb' || i !== 0) return fail(`buffers[${i}] has no data (no uri, and only a GLB's first buffer may use the BIN chunk)`);
      if (!bin || bin.byteLength < length) return fail(`!is truncated: buffer 0 needs ${length} bytes, the BIN chunk has ${bin?.byteLength ?? 0}`);
      return bin;
    }
    if (typeof b.uri !== 'string') return fail(`buffers[${i}].uri is not text`);
    if (!b.uri.startsWith('data:')) return fail(`!refers to an external file "${b.uri.slice(0, 80)}"; import a .glb (or a .gltf with embedded data) instead`);
    const data = dataUriBytes(b.uri);
    if (!data) return fail(`buffers[${i}].uri is not base64 data`);
    if (data.byteLength < length) return fail(`buffers[${i}] holds ${data.byteLength} bytes, fewer than its byteLength ${length}`);
    return data;
  });

  const views = list(json, 'bufferViews').map((v, i) => {
    const buffer = index(v.buffer, buffers.length, `bufferViews[${i}]`, 'buffer');
    const byteOffset = optInt(v.byteOffset, `bufferViews[${i}].byteOffset`) ?? 0;
    const byteLength = int(v.byteLength, `bufferViews[${i}].byteLength`, 1);
    const stride = optInt(v.byteStride, `bufferViews[${i}].byteStride`, 4, 252);
    if (stride !== undefined && stride % 4 !== 0) fail(`bufferViews[${i}].byteStride ${stride} is not a multiple of 4`);
    if (byteOffset + byteLength > (buffers[buffer]!.byteLength as number)) fail(`bufferViews[${i}] lies outside its buffer`);
    const meshopt = meshoptOf(v);
    if (meshopt) {
      // the compressed bytes must lie inside their (real) buffer; what they decode to is the decoder's to check
      const at = `bufferViews[${i}] (meshopt)`;
      const from = index(meshopt.buffer, buffers.length, at, 'buffer');
      const offset = optInt(meshopt.byteOffset, `${at}.byteOffset`) ?? 0;
      const length = int(meshopt.byteLength, `${at}.byteLength`, 1);
      int(meshopt.byteStride, `${at}.byteStride`, 1);
      int(meshopt.count, `${at}.count`, 1);
      if (!bufferBytes[from]) fail(`${at} takes its compressed data from a buffer without data`);
      if (offset + length > bufferBytes[from]!.byteLength) fail(`!is damaged: the compressed data of buffer view ${i} lies outside its buffer`);
    } else if (!bufferBytes[buffer]) fail(`bufferViews[${i}] reads a meshopt fallback buffer, which holds no data`);
    return { buffer, byteOffset, byteLength, stride, compressed: !!meshopt };
  });
  const viewRef = (i: number): ViewRef => {
    const v = views[i]!;
    if (v.compressed) fail(`!keeps sparse accessor data in meshopt-compressed buffer views, which this importer does not read`);
    return { bytes: bufferBytes[v.buffer]!.subarray(v.byteOffset, v.byteOffset + v.byteLength), stride: v.stride };
  };

  const accessorsRaw = list(json, 'accessors');
  if (accessorsRaw.length > GLTF_LIMITS.accessors) fail(`!has ${accessorsRaw.length} accessors; the import limit is ${GLTF_LIMITS.accessors}`);
  const accessors: AccessorDef[] = accessorsRaw.map((a, i) => checkAccessor(a, i, views));

  const images = list(json, 'images');
  if (images.length > GLTF_LIMITS.images) fail(`!has ${images.length} images; the import limit is ${GLTF_LIMITS.images}`);
  images.forEach((img, i) => {
    if (img.uri !== undefined) {
      if (typeof img.uri !== 'string') fail(`images[${i}].uri is not text`);
      else if (!img.uri.startsWith('data:')) fail(`!refers to an external image "${img.uri.slice(0, 80)}"; import a .glb instead`);
    } else if (img.bufferView !== undefined) index(img.bufferView, views.length, `images[${i}]`, 'buffer view');
    else fail(`images[${i}] has neither a uri nor a buffer view`);
  });
  const samplers = list(json, 'samplers');
  list(json, 'textures').forEach((t, i) => {
    if (t.source !== undefined) index(t.source, images.length, `textures[${i}].source`, 'image');
    if (t.sampler !== undefined) index(t.sampler, samplers.length, `textures[${i}].sampler`, 'sampler');
  });
  const textures = list(json, 'textures').length;
  list(json, 'materials').forEach((m, i) => checkTextureRefs(m, textures, `materials[${i}]`));
  const materials = list(json, 'materials').length;

  // meshes: positions finite, indices inside their vertices
  progress('geometry', 0.4);
  const meshes = list(json, 'meshes');
  if (meshes.length > GLTF_LIMITS.meshes) fail(`!has ${meshes.length} meshes; the import limit is ${GLTF_LIMITS.meshes}`);
  let primitives = 0;
  let vertices = 0;
  let indexCount = 0;
  let triangles = 0;
  let degenerate = 0;
  const checkedPositions = new Map<number, number>();
  meshes.forEach((m, mi) => {
    const prims = list(m, 'primitives', true);
    if (prims.length === 0) fail(`meshes[${mi}] has no primitives`);
    primitives += prims.length;
    if (primitives > GLTF_LIMITS.primitives) fail(`!has over ${GLTF_LIMITS.primitives} mesh primitives; the import limit is ${GLTF_LIMITS.primitives}`);
    prims.forEach((p, pi) => {
      const at = `meshes[${mi}].primitives[${pi}]`;
      if (!isObj(p.attributes)) fail(`${at}.attributes is not an object`);
      const attrs = p.attributes as Obj;
      // Draco: the primitive's accessors describe what its compressed buffer view decodes to, and hold no data
      const draco = isObj(p.extensions) ? (p.extensions as Obj).KHR_draco_mesh_compression : undefined;
      if (draco !== undefined) {
        if (!isObj(draco) || !isObj(draco.attributes)) fail(`${at}: its Draco extension has no attributes`);
        index((draco as Obj).bufferView, views.length, `${at}.extensions.KHR_draco_mesh_compression`, 'buffer view');
      }
      /** data only a decoder can read: the decoded result is checked on the page (finite bounds) */
      const encoded = (a: AccessorDef) => draco !== undefined || (a.bufferView !== undefined && views[a.bufferView]!.compressed);
      let count = -1;
      for (const [semantic, ai] of Object.entries(attrs)) {
        const a = accessors[index(ai, accessors.length, `${at}.attributes.${semantic}`, 'accessor')]!;
        if (count >= 0 && a.count !== count) fail(`${at}: its attributes have different vertex counts (${count} and ${a.count})`);
        count = a.count;
      }
      if (p.material !== undefined) index(p.material, materials, `${at}.material`, 'material');
      list(p, 'targets').forEach((t, ti) => {
        for (const [semantic, ai] of Object.entries(t)) {
          const a = accessors[index(ai, accessors.length, `${at}.targets[${ti}].${semantic}`, 'accessor')]!;
          if (count >= 0 && a.count !== count) fail(`${at}.targets[${ti}].${semantic} has ${a.count} vertices, not ${count}`);
        }
      });
      const mode = optInt(p.mode, `${at}.mode`, 0, 6) ?? 4;
      if (attrs.POSITION === undefined) return; // nothing to draw, nothing to check
      const pa = accessors[attrs.POSITION as number]!;
      if (pa.type !== 'VEC3') fail(`${at}: POSITION is ${pa.type}, not VEC3`);
      vertices += pa.count;
      if (vertices > GLTF_LIMITS.vertices) fail(`!has over ${GLTF_LIMITS.vertices.toLocaleString('en')} vertices; the import limit is ${GLTF_LIMITS.vertices.toLocaleString('en')}`);
      if (!checkedPositions.has(attrs.POSITION as number) && !encoded(pa)) {
        const pos = readAccessor(pa, viewRef);
        for (let k = 0; k < pos.length; k++) {
          if (!Number.isFinite(pos[k])) fail(`!holds a vertex position that is not a finite number (mesh ${mi}, vertex ${Math.floor(k / 3)}); the file is damaged`);
        }
        // the loader sizes the model from the declared bounds, so they must hold the data (float positions; the
        // bounds of normalized integers are in stored units)
        const raw = accessorsRaw[attrs.POSITION as number]!;
        if (!Array.isArray(raw.min) || !Array.isArray(raw.max)) fail(`accessors[${attrs.POSITION}] (positions) has no min and max`);
        if (pa.componentType === 5126) {
          const [mn, mx] = [raw.min as number[], raw.max as number[]];
          for (let k = 0; k < pos.length; k++) {
            const c = k % 3;
            const tol = 1e-5 * Math.max(1, Math.abs(mn[c]!), Math.abs(mx[c]!));
            if (pos[k]! < mn[c]! - tol || pos[k]! > mx[c]! + tol) fail(`accessors[${attrs.POSITION}] (positions) holds vertices outside its declared min and max`);
          }
        }
        checkedPositions.set(attrs.POSITION as number, pa.count);
      }
      let n = pa.count;
      if (p.indices !== undefined) {
        const ia = accessors[index(p.indices, accessors.length, `${at}.indices`, 'accessor')]!;
        if (ia.type !== 'SCALAR' || ![5121, 5123, 5125].includes(ia.componentType) || ia.normalized) fail(`${at}.indices is not a list of unsigned whole numbers`);
        indexCount += ia.count;
        if (indexCount > GLTF_LIMITS.indices) fail(`!has over ${GLTF_LIMITS.indices.toLocaleString('en')} vertex indices; the import limit is ${GLTF_LIMITS.indices.toLocaleString('en')}`);
        const ix = encoded(ia) ? new Float64Array(0) : readAccessor(ia, viewRef);
        for (let k = 0; k < ix.length; k++) {
          if (ix[k]! >= pa.count) fail(`!has a triangle that points at vertex ${ix[k]} of a mesh with ${pa.count} (mesh ${mi}); the file is damaged`);
        }
        if (mode === 4) {
          for (let k = 0; k + 2 < ix.length; k += 3) if (ix[k] === ix[k + 1] || ix[k + 1] === ix[k + 2] || ix[k] === ix[k + 2]) degenerate++;
        }
        n = ia.count;
      }
      triangles += mode === 4 ? Math.floor(n / 3) : mode === 5 || mode === 6 ? Math.max(0, n - 2) : 0;
    });
    if (m.weights !== undefined && !Array.isArray(m.weights)) fail(`meshes[${mi}].weights is not a list`);
  });

  progress('nodes', 0.8);
  const facts: GltfFacts = { nodes: 0, meshes: meshes.length, vertices, triangles, images: images.length, notes: [], warnings: [] };
  const nodes = list(json, 'nodes');
  facts.nodes = nodes.length;
  if (nodes.length > GLTF_LIMITS.nodes) fail(`!has ${nodes.length.toLocaleString('en')} nodes; the import limit is ${GLTF_LIMITS.nodes.toLocaleString('en')}`);
  const cameras = list(json, 'cameras').length;
  const lightList = isObj(json.extensions) && isObj(json.extensions.KHR_lights_punctual) ? json.extensions.KHR_lights_punctual.lights : undefined;
  if (lightList !== undefined && (!Array.isArray(lightList) || !lightList.every((l) => isObj(l) && typeof l.type === 'string'))) fail('the KHR_lights_punctual lights are not a list of lights');
  const lights = Array.isArray(lightList) ? lightList.length : 0;
  const parent = new Int32Array(nodes.length).fill(-1);
  let nodeMeshes = 0;
  nodes.forEach((n, i) => {
    const at = `nodes[${i}]`;
    if (n.mesh !== undefined) {
      index(n.mesh, meshes.length, `${at}.mesh`, 'mesh');
      nodeMeshes++;
    }
    if (n.camera !== undefined) index(n.camera, cameras, `${at}.camera`, 'camera');
    if (n.extensions !== undefined) {
      if (!isObj(n.extensions)) fail(`${at}.extensions is not an object`);
      const light = (n.extensions as Obj).KHR_lights_punctual;
      if (light !== undefined) index(isObj(light) ? light.light : undefined, lights, `${at}.extensions.KHR_lights_punctual.light`, 'light');
    }
    for (const key of ['matrix', 'translation', 'rotation', 'scale'] as const) {
      const v = n[key];
      if (v === undefined) continue;
      const len = key === 'matrix' ? 16 : key === 'rotation' ? 4 : 3;
      if (!Array.isArray(v) || v.length !== len || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) fail(`${at}.${key} is not ${len} finite numbers`);
    }
    if (n.children !== undefined) {
      if (!Array.isArray(n.children)) fail(`${at}.children is not a list`);
      for (const c of n.children as unknown[]) {
        const ci = index(c, nodes.length, `${at}.children`, 'node');
        if (ci === i) fail(`!is not a valid glTF file: node ${i} is its own child`);
        if (parent[ci] !== -1) fail(`node ${ci} has two parents (nodes ${parent[ci]} and ${i})`);
        parent[ci] = i;
      }
    }
  });
  // the nodes must form a forest: walk up from each node once, memoising depths (linear, no recursion)
  const depth = new Int32Array(nodes.length).fill(-1);
  for (let start = 0; start < nodes.length; start++) {
    const path: number[] = [];
    let cur = start;
    while (cur !== -1 && depth[cur] === -1) {
      if (path.length > nodes.length) fail(`the node hierarchy has a cycle through node ${start}`);
      depth[cur] = -2; // on the current path
      path.push(cur);
      cur = parent[cur]!;
    }
    if (cur !== -1 && depth[cur] === -2) fail(`the node hierarchy has a cycle through node ${cur}`);
    let d = cur === -1 ? -1 : depth[cur]!;
    for (let k = path.length - 1; k >= 0; k--) {
      d++;
      if (d > GLTF_LIMITS.depth) fail(`!nests nodes ${d} deep; the import limit is ${GLTF_LIMITS.depth}`);
      depth[path[k]!] = d;
    }
  }
  const scenes = list(json, 'scenes');
  scenes.forEach((s, i) => {
    if (s.nodes === undefined) return;
    if (!Array.isArray(s.nodes)) fail(`scenes[${i}].nodes is not a list`);
    for (const n of s.nodes as unknown[]) {
      const ni = index(n, nodes.length, `scenes[${i}].nodes`, 'node');
      if (parent[ni] !== -1) fail(`scenes[${i}] lists node ${ni} as a root, but it is a child of node ${parent[ni]}`);
    }
  });
  if (json.scene !== undefined) index(json.scene, scenes.length, '"scene"', 'scene');
  list(json, 'skins').forEach((s, i) => {
    if (!Array.isArray(s.joints)) fail(`skins[${i}].joints is not a list`);
    for (const j of s.joints as unknown[]) index(j, nodes.length, `skins[${i}].joints`, 'node');
  });
  list(json, 'animations').forEach((a, i) => {
    const samplersA = list(a, 'samplers', true);
    samplersA.forEach((s, k) => {
      index(s.input, accessors.length, `animations[${i}].samplers[${k}].input`, 'accessor');
      index(s.output, accessors.length, `animations[${i}].samplers[${k}].output`, 'accessor');
    });
    list(a, 'channels', true).forEach((c, k) => {
      index(c.sampler, samplersA.length, `animations[${i}].channels[${k}].sampler`, 'sampler');
      if (!isObj(c.target)) fail(`animations[${i}].channels[${k}].target is not an object`);
      else if (c.target.node !== undefined) index(c.target.node, nodes.length, `animations[${i}].channels[${k}].target.node`, 'node');
    });
  });

  if (meshes.length === 0 || vertices === 0) fail('!contains no meshes with geometry');
  if (nodes.length > 0 && nodeMeshes === 0) fail('!places none of its meshes in a node, so there is nothing to show');
  if (cameras) facts.notes.push(`${cameras} camera${cameras === 1 ? '' : 's'} in the file ${cameras === 1 ? 'is' : 'are'} left out (make shot cameras in the scene instead)`);
  if (lights) facts.notes.push(`${lights} light${lights === 1 ? '' : 's'} in the file ${lights === 1 ? 'is' : 'are'} left out (light the set with scene lights)`);
  if (degenerate) facts.warnings.push(`${degenerate} degenerate triangle${degenerate === 1 ? '' : 's'} (two corners on one vertex) will not show`);
  return facts;
}

function checkAccessor(a: Obj, i: number, views: { byteLength: number; stride: number | undefined }[]): AccessorDef {
  const at = `accessors[${i}]`;
  const componentType = a.componentType as number;
  const size = COMPONENT_BYTES[componentType];
  if (!size) fail(`${at}.componentType ${describe(a.componentType)} is not a glTF component type`);
  const comps = typeof a.type === 'string' ? COMPONENTS[a.type] : undefined;
  if (!comps) fail(`${at}.type ${describe(a.type)} is not a glTF accessor type`);
  const count = int(a.count, `${at}.count`, 1);
  if (a.normalized !== undefined && typeof a.normalized !== 'boolean') fail(`${at}.normalized is not true or false`);
  for (const bound of ['min', 'max'] as const) {
    const b = a[bound];
    if (b !== undefined && (!Array.isArray(b) || b.length !== comps || !b.every((x) => typeof x === 'number' && Number.isFinite(x)))) {
      fail(`${at}.${bound} is not ${comps} finite number${comps === 1 ? '' : 's'}`);
    }
  }
  const element = comps! * size!;
  const def: AccessorDef = { componentType, count, type: a.type as string, normalized: a.normalized === true };
  if (a.bufferView !== undefined) {
    const vi = index(a.bufferView, views.length, `${at}.bufferView`, 'buffer view');
    const view = views[vi]!;
    const byteOffset = optInt(a.byteOffset, `${at}.byteOffset`) ?? 0;
    if (byteOffset % size! !== 0) fail(`${at}.byteOffset ${byteOffset} is not aligned to its ${size}-byte components`);
    const stride = view.stride ?? element;
    if (stride < element) fail(`${at}: elements of ${element} bytes do not fit its buffer view's stride of ${stride}`);
    if (byteOffset + stride * (count - 1) + element > view.byteLength) fail(`!is damaged: accessor ${i} reads past the end of its buffer view`);
    def.bufferView = vi;
    def.byteOffset = byteOffset;
  } else if (a.byteOffset !== undefined) fail(`${at} has a byteOffset but no buffer view`);
  if (a.sparse !== undefined) {
    const sp = a.sparse;
    if (!isObj(sp) || !isObj(sp.indices) || !isObj(sp.values)) return fail(`${at}.sparse is not an object with indices and values`);
    const n = int(sp.count, `${at}.sparse.count`, 1, count);
    const ict = sp.indices.componentType as number;
    if (![5121, 5123, 5125].includes(ict)) fail(`${at}.sparse.indices.componentType is not an unsigned integer type`);
    const iv = index(sp.indices.bufferView, views.length, `${at}.sparse.indices.bufferView`, 'buffer view');
    const io = optInt(sp.indices.byteOffset, `${at}.sparse.indices.byteOffset`) ?? 0;
    if (io + n * COMPONENT_BYTES[ict]! > views[iv]!.byteLength) fail(`!is damaged: accessor ${i}'s sparse indices read past their buffer view`);
    const vv = index(sp.values.bufferView, views.length, `${at}.sparse.values.bufferView`, 'buffer view');
    const vo = optInt(sp.values.byteOffset, `${at}.sparse.values.byteOffset`) ?? 0;
    if (vo + n * element > views[vv]!.byteLength) fail(`!is damaged: accessor ${i}'s sparse values read past their buffer view`);
    def.sparse = { count: n, indices: { bufferView: iv, byteOffset: io, componentType: ict }, values: { bufferView: vv, byteOffset: vo } };
  }
  return def;
}

function checkTextureRefs(v: unknown, textures: number, at: string, depth = 0): void {
  if (depth > 8 || typeof v !== 'object' || v === null) return;
  if (Array.isArray(v)) {
    v.forEach((x, i) => checkTextureRefs(x, textures, `${at}[${i}]`, depth + 1));
    return;
  }
  for (const [k, x] of Object.entries(v)) {
    if (/Texture$/.test(k)) {
      if (!isObj(x)) fail(`${at}.${k} is not an object`);
      else index(x.index, textures, `${at}.${k}.index`, 'texture');
    } else checkTextureRefs(x, textures, `${at}.${k}`, depth + 1);
  }
}
