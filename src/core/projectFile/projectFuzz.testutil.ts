// Seeded mutations of real project files, written as an attacker would: structural damage (truncation, byte
// flips, wrong types, deleted keys, deep nesting) plus the hostile-but-well-formed cases a schema alone misses
// (names every object inherits, `__proto__` keys, ids that no longer match their keys, deep parent chains and
// cycles, huge tracks, eases that overflow between huge values). Test support only: shared by the unit fuzzers.
import { expect } from 'vitest';
import { buildDemoProject } from '../document/demo';
import { serializeProject } from '../document';
import type { EffectLayer, ImportedAsset, Plate, Project, Track } from '../document/schema';

type Json = unknown;
type Path = (string | number)[];
export type Rng = () => number;

/** A refusal reads "where: what" on one line and carries no code text or stack. */
export function expectPlainRefusal(error: string, label: string): void {
  expect(error, label).toMatch(/^[^\n]+?: .+/s);
  expect(error, label).not.toMatch(/\n\s+at |is not a function|Cannot read properties|undefined \(reading|Maximum call stack/);
}

const WEIRD: Json[] = [null, true, 0, -1, 1e308, -1e308, 'x', '', '\u0000', '\ud800', '🎬'.repeat(50), [], {}, [1, 2, 3], { a: 1 }, 'NaN'];
const RESERVED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];

/** Bytes of the one binary asset the rich base project carries (its id is their SHA-256). */
export const ASSET_BYTES = new TextEncoder().encode('previs fuzz plate: not an image, only bytes with a known hash\n');

/** The demo set plus what the demo lacks: a plate and an imported model (with an asset), an effect layer, a
 * parent link, a pose track, a second scene. `assetId` must be the SHA-256 of ASSET_BYTES. */
export function richProject(assetId: string): Project {
  const p = buildDemoProject();
  const sid = p.sceneOrder[0]!;
  const scene = p.scenes[sid]!;
  const plate: Plate = {
    id: 'plate_bg',
    name: 'Background plate',
    parentId: null,
    transform: { position: [0, 2, -30], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'plate',
    assetId,
    mediaKind: 'image',
    widthPx: 64,
    heightPx: 32,
    frameCount: 1,
    fps: 24,
    rights: 'owned',
    depictsPerson: false,
    performerName: null,
  };
  const model: ImportedAsset = {
    id: 'asset_crate',
    name: 'Crate',
    parentId: 'car_1',
    transform: { position: [0, 1.5, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'asset',
    assetId,
    format: 'glb',
    unitScale: 1,
    rights: 'owned',
  };
  const layer: EffectLayer = {
    id: 'fx_collapse',
    name: 'Collapse',
    parentId: null,
    transform: { position: [0, 0, 0], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'effectLayer',
    effect: 'collapse',
    targetIds: ['bldg_tower'],
    params: { fragments: 200, note: 'fuzz' },
    seed: 7,
    models: [],
    status: 'idle',
    inputHashes: {},
    output: null,
    runReport: null,
    frameRange: { start: 24, end: 120 },
    intendedUse: 'previs-only',
    thirdPartyIp: false,
    consentId: null,
    runCount: 0,
  };
  const pose: Track = {
    id: 'trk_ana_pose',
    targetId: 'actor_ana',
    property: 'pose',
    keys: [
      { frame: 0, value: { neck: [0, 0.2, 0], spine: [0.1, 0, 0] }, interp: 'linear' },
      { frame: 48, value: { neck: [0, -0.2, 0] }, interp: 'step' },
    ],
  };
  const cam = scene.objects.cam_b!;
  return {
    ...p,
    scenes: {
      [sid]: {
        ...scene,
        objects: { ...scene.objects, plate_bg: plate, asset_crate: model, fx_collapse: layer, cam_b: { ...cam, backgroundPlateId: 'plate_bg' } as typeof cam },
        tracks: { ...scene.tracks, trk_ana_pose: pose },
      },
      scene_two: { ...scene, id: 'scene_two', name: 'Second scene', tracks: {}, shots: {}, shotOrder: [] },
    },
    sceneOrder: [sid, 'scene_two'],
    assets: { [assetId]: { id: assetId, name: 'plate.bin', mime: 'application/octet-stream', byteLength: ASSET_BYTES.byteLength, kind: 'plate' } },
  };
}

function paths(v: Json, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...prefix, k], out);
  return out;
}

function parentOf(root: Json, path: Path): Record<string | number, Json> {
  let cur = root as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  return cur;
}

function setAt(root: Json, path: Path, value: Json): Json {
  if (!path.length) return value;
  parentOf(root, path)[path[path.length - 1]!] = value;
  return root;
}

/** A fuzzer over one base project: call next() for each case's file text. */
export class ProjectFuzzer {
  readonly text: string;
  private readonly value: Json;
  private readonly allPaths: Path[];
  /** paths whose value is an id reference or an id key's container, the places reserved names would hide */
  private readonly idPaths: Path[];
  private readonly objectPaths: Path[];

  constructor(
    base: Project,
    private readonly rnd: Rng,
  ) {
    this.text = serializeProject(base);
    this.value = JSON.parse(this.text);
    this.allPaths = paths(this.value);
    this.idPaths = this.allPaths.filter((p) => {
      const last = String(p[p.length - 1]);
      return /(^id$|Id$|^sceneOrder$|^shotOrder$|^targetIds$)/.test(last) || /^(sceneOrder|shotOrder|targetIds)$/.test(String(p[p.length - 2]));
    });
    this.objectPaths = this.allPaths.filter((p) => {
      const v = p.reduce<Json>((c, k) => (c as Record<string | number, Json>)[k], this.value);
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    });
  }

  private pick<T>(a: readonly T[]): T {
    return a[Math.floor(this.rnd() * a.length)]!;
  }

  private clone(): Record<string, Json> {
    return JSON.parse(this.text) as Record<string, Json>;
  }

  /** One case: one to three mutations stacked (text-level ones end the stack). */
  next(): string {
    let doc = this.clone();
    const n = this.rnd() < 0.6 ? 1 : 2 + Math.floor(this.rnd() * 2);
    for (let i = 0; i < n; i++) {
      let r: Record<string, Json> | string;
      try {
        r = this.mutateValue(doc);
      } catch {
        continue; // an earlier mutation removed what this one edits: the document stays as it was
      }
      if (typeof r === 'string') return r;
      doc = r;
    }
    return JSON.stringify(doc, null, this.rnd() < 0.5 ? 1 : undefined);
  }

  /** Returns the mutated document, or final file text for mutations that work on text. */
  lastKind = -1;

  private mutateValue(doc: Record<string, Json>): Record<string, Json> | string {
    const text = () => JSON.stringify(doc);
    const kind = Math.floor(this.rnd() * 16);
    this.lastKind = kind;
    switch (kind) {
      case 0: {
        const t = text();
        return t.slice(0, Math.floor(this.rnd() * t.length));
      }
      case 1:
        setAt(doc, this.pick(this.allPaths.filter((p) => p.length)), this.pick(WEIRD));
        return doc;
      case 2:
        return text().replace(/-?\d+(\.\d+)?/, this.pick(['1e309', '-1e309', '9'.repeat(400), '1e-400']));
      case 3: {
        const depth = 50 + Math.floor(this.rnd() * 3000);
        setAt(doc, this.pick(this.allPaths.filter((p) => p.length)), '@@deep@@');
        return text().replace('"@@deep@@"', '['.repeat(depth) + ']'.repeat(depth));
      }
      case 4:
        doc.schemaVersion = this.pick([-1, 0, 1, 3, 99, 1.5, '2', null, 2 ** 53]);
        return doc;
      case 5: {
        const t = text();
        const at = Math.floor(this.rnd() * t.length);
        return t.slice(0, at) + this.pick(['\\ud800', '\\udfff', '\\u00', '\u0000', '\uFFFE', '\\x41', '\u001f']) + t.slice(at);
      }
      case 6: {
        let t = text();
        for (let i = 0; i < 1 + this.rnd() * 8; i++) {
          const at = Math.floor(this.rnd() * t.length);
          t = t.slice(0, at) + String.fromCharCode(Math.floor(this.rnd() * 128)) + t.slice(at + 1);
        }
        return t;
      }
      case 7: {
        const path = this.pick(this.allPaths.filter((p) => p.length));
        const parent = parentOf(doc, path);
        if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
        else delete parent[path[path.length - 1]!];
        return doc;
      }
      case 8:
        // a name every object inherits, where an id (or a list of ids) is expected
        setAt(doc, this.pick(this.idPaths), this.pick(RESERVED));
        return doc;
      case 9: {
        // a record entry renamed to an inherited name (text level, so "__proto__" stays an own key)
        const path = this.pick(this.objectPaths.filter((p) => p.length));
        const parent = parentOf(doc, path) as Record<string, Json>;
        if (Array.isArray(parent)) return doc;
        const key = String(path[path.length - 1]);
        const entry = parent[key];
        delete parent[key];
        parent['@@renamed@@'] = entry;
        return text().replace('"@@renamed@@"', JSON.stringify(this.pick(RESERVED)));
      }
      case 10: {
        // a key whose record says another id, or two records with one id
        const scenes = doc.scenes as Record<string, { objects: Record<string, { id: string }> }>;
        const scene = scenes[this.pick(Object.keys(scenes))]!;
        const ids = Object.keys(scene.objects);
        if (ids.length < 2) return doc;
        scene.objects[this.pick(ids)]!.id = this.pick(ids);
        return doc;
      }
      case 11: {
        // a parent chain (deep, sometimes past the limit) or a cycle
        const scenes = doc.scenes as Record<string, { objects: Record<string, Record<string, Json>> }>;
        const scene = scenes[this.pick(Object.keys(scenes))]!;
        const ids = Object.keys(scene.objects);
        if (this.rnd() < 0.5) {
          const a = this.pick(ids);
          const b = this.pick(ids);
          scene.objects[a]!.parentId = b;
          scene.objects[b]!.parentId = a;
          return doc;
        }
        // deep chains at the limit are rare here (each costs a thousand objects); the unit tests cover them directly
        const depth = this.rnd() < 0.97 ? Math.floor(this.rnd() * 40) : 995 + Math.floor(this.rnd() * 10);
        const proto = scene.objects[this.pick(ids)]!;
        let parent: string | null = null;
        for (let i = 0; i < depth; i++) {
          const id = `chain_${i}`;
          scene.objects[id] = { ...structuredClone(proto), id, parentId: parent };
          parent = id;
        }
        return doc;
      }
      case 12: {
        // a long track
        const scenes = doc.scenes as Record<string, { tracks: Record<string, { keys: Json[] }> }>;
        const scene = scenes[this.pick(Object.keys(scenes))]!;
        const tids = Object.keys(scene.tracks);
        if (!tids.length) return doc;
        const track = scene.tracks[this.pick(tids)]!;
        const first = track.keys[0];
        const n = this.rnd() < 0.95 ? Math.floor(this.rnd() * 100) : Math.floor(this.rnd() * 2000);
        track.keys = Array.from({ length: n }, (_, i) => ({ ...(first as object), frame: this.rnd() < 0.9 ? i : Math.floor(this.rnd() * n) }));
        return doc;
      }
      case 13: {
        // eases and values at the edge of the float range
        const scenes = doc.scenes as Record<string, { tracks: Record<string, { keys: Record<string, Json>[] }> }>;
        for (const scene of Object.values(scenes)) {
          for (const track of Object.values(scene.tracks)) {
            for (const key of track.keys) {
              if (this.rnd() < 0.5) key.ease = [this.rnd(), this.pick([1e308, -1e308, 1e200, 5]), this.rnd(), this.pick([-1e308, 1e308, 0])];
              key.interp = this.pick(['bezier', 'linear', 'step']);
              if (typeof key.value === 'number') key.value = this.pick([1.7e308, -1.7e308, 0]);
              else if (Array.isArray(key.value)) key.value = key.value.map(() => this.pick([1.7e308, -1.7e308, 1]));
            }
          }
        }
        return doc;
      }
      case 14: {
        // a value swapped for another part of the document
        const a = this.pick(this.allPaths.filter((p) => p.length));
        const src = this.pick(this.allPaths).reduce<Json>((c, k) => (c === undefined || c === null ? c : (c as Record<string | number, Json>)[k]), doc);
        setAt(doc, a, structuredClone(src));
        return doc;
      }
      default: {
        // frames and ranges at their edges
        const settings = doc.settings as Record<string, Json>;
        settings.frameIn = this.pick([0, 1, 2 ** 31, 239, -5]);
        settings.frameOut = this.pick([1, 240, 2 ** 53, 0, 1e6]);
        return doc;
      }
    }
  }
}
