// The shared shape of a project in one Yjs document, and the two directions between it and the store's
// immutable Project:
//   meta    Y.Map   kind, schemaVersion, id, name, createdAt, modifiedAt, settings, sceneOrder
//   scenes  Y.Map   sceneId → Y.Map { name, environment, shotOrder, objects, shots, tracks }
//                   objects / shots: id → Y.Map field → value, so two people editing different fields of
//                   one object (one moves it, one renames it) both keep their edit; tracks: id → whole track
//   assets  Y.Map   sha256 → asset meta
//   ledger  Y.Array signed ledger entries, append-only (never deleted or replaced by the binding)
// Values inside are plain JSON. Structure sharing: an object whose Y.Map did not change keeps its identity
// in the rebuilt Project, so React redraws only what changed.
import * as Y from 'yjs';
import { loadProjectValue, type LedgerEntry, type Project, type Scene } from '../core/document';
import { canonicalLedgerOrder } from '../core/document/ledgerOrder';
import { SYNC_SCHEMA_VERSION } from '../server/version';

type Json = unknown;
const META_KEYS = ['kind', 'schemaVersion', 'id', 'name', 'createdAt', 'modifiedAt', 'settings', 'sceneOrder'] as const;
const SCENE_FIELDS = ['name', 'environment', 'shotOrder'] as const;
const FIELD_MAPS = ['objects', 'shots'] as const;

export const roots = (doc: Y.Doc) => ({
  meta: doc.getMap<Json>('meta'),
  scenes: doc.getMap<Y.Map<unknown>>('scenes'),
  assets: doc.getMap<Json>('assets'),
  ledger: doc.getArray<LedgerEntry>('ledger'),
});

export function isEmptyDoc(doc: Y.Doc): boolean {
  return !roots(doc).meta.has('id');
}

/** Yjs refuses undefined; optional fields that are absent are simply not keys. */
function put(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}

function writeFields(target: Y.Map<unknown>, prev: Record<string, unknown> | undefined, next: Record<string, unknown>): void {
  for (const k of Object.keys(next)) if (!prev || prev[k] !== next[k] || !target.has(k)) put(target, k, next[k]);
  if (prev) for (const k of Object.keys(prev)) if (!(k in next)) target.delete(k);
}

function writeFieldMap(target: Y.Map<Y.Map<unknown>>, prev: Record<string, object> | undefined, next: Record<string, object>): void {
  for (const [id, value] of Object.entries(next)) {
    const before = prev?.[id];
    if (before === value && target.has(id)) continue;
    let m = target.get(id);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map();
      target.set(id, m);
      writeFields(m, undefined, value as Record<string, unknown>);
    } else writeFields(m, before as Record<string, unknown> | undefined, value as Record<string, unknown>);
  }
  if (prev) for (const id of Object.keys(prev)) if (!(id in next)) target.delete(id);
}

function writeScene(target: Y.Map<unknown>, prev: Scene | undefined, next: Scene): void {
  for (const f of SCENE_FIELDS) if (!prev || prev[f] !== next[f] || !target.has(f)) put(target, f, next[f]);
  for (const f of FIELD_MAPS) {
    let m = target.get(f) as Y.Map<Y.Map<unknown>> | undefined;
    const fresh = !(m instanceof Y.Map);
    if (fresh) {
      m = new Y.Map();
      target.set(f, m);
    }
    writeFieldMap(m!, fresh ? undefined : (prev?.[f] as Record<string, object> | undefined), next[f] as Record<string, object>);
  }
  let tracks = target.get('tracks') as Y.Map<unknown> | undefined;
  const fresh = !(tracks instanceof Y.Map);
  if (fresh) {
    tracks = new Y.Map();
    target.set('tracks', tracks);
  }
  writeFields(tracks!, fresh ? undefined : prev?.tracks, next.tracks);
}

/**
 * Writes what changed from `prev` to `next` into the doc (call inside doc.transact). `prev` is what the doc
 * held when `next` was derived from it; null writes everything. Ledger entries are only ever appended.
 */
export function writeProjectDiff(doc: Y.Doc, prev: Project | null, next: Project): void {
  const r = roots(doc);
  if (!r.meta.has('syncSchema')) r.meta.set('syncSchema', SYNC_SCHEMA_VERSION);
  for (const k of META_KEYS) {
    const v = k === 'settings' || k === 'sceneOrder' ? next[k] : next[k];
    if (!prev || prev[k] !== v || !r.meta.has(k)) put(r.meta, k, v);
  }
  for (const [id, scene] of Object.entries(next.scenes)) {
    const before = prev?.scenes[id];
    if (before === scene && r.scenes.has(id)) continue;
    let m = r.scenes.get(id);
    if (!(m instanceof Y.Map)) {
      m = new Y.Map();
      r.scenes.set(id, m);
      writeScene(m, undefined, scene);
    } else writeScene(m, before, scene);
  }
  if (prev) for (const id of Object.keys(prev.scenes)) if (!(id in next.scenes)) r.scenes.delete(id);
  writeFields(r.assets as Y.Map<unknown>, prev?.assets, next.assets);
  if (!prev || prev.ledger !== next.ledger) appendLedger(r.ledger, next.ledger);
}

/** Appends the entries the shared ledger lacks (by hash); never removes or replaces one. */
export function appendLedger(shared: Y.Array<LedgerEntry>, entries: readonly LedgerEntry[]): number {
  const have = new Set(shared.toArray().map((e) => e.hash));
  const add = entries.filter((e) => !have.has(e.hash));
  if (add.length) shared.push(add.map((e) => ({ ...e })));
  return add.length;
}

/**
 * Reads the project back out of the doc, reusing unchanged parts of `prev`. Validates it like a file being
 * opened: a doc that another client filled with something invalid is refused, never loaded half-way.
 */
export class ProjectReader {
  private cache = new WeakMap<Y.AbstractType<any>, unknown>();
  private last: Project | null = null;

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', (tr: Y.Transaction) => {
      // drop cached reads of every type that changed, and of every type above it
      for (const type of tr.changedParentTypes.keys()) this.invalidate(type);
      for (const type of tr.changed.keys()) this.invalidate(type);
    });
  }

  private invalidate(type: Y.AbstractType<any>): void {
    let t: Y.AbstractType<any> | null = type;
    while (t) {
      this.cache.delete(t);
      t = (t._item?.parent as Y.AbstractType<any> | undefined) ?? null;
    }
  }

  private memo<T>(type: Y.AbstractType<any>, build: () => T): T {
    if (this.cache.has(type)) return this.cache.get(type) as T;
    const v = build();
    this.cache.set(type, v);
    return v;
  }

  private fieldMap(m: Y.Map<unknown>): Record<string, unknown> {
    return this.memo(m, () => {
      const out: Record<string, unknown> = {};
      for (const [id, v] of m.entries()) out[id] = v instanceof Y.Map ? this.memo(v, () => v.toJSON()) : v;
      return out;
    });
  }

  private scene(id: string, m: Y.Map<unknown>): Scene {
    return this.memo(m, () => {
      const empty = new Y.Map<unknown>();
      return {
        id,
        name: m.get('name'),
        environment: m.get('environment'),
        shotOrder: m.get('shotOrder'),
        objects: this.fieldMap((m.get('objects') as Y.Map<unknown>) ?? empty),
        shots: this.fieldMap((m.get('shots') as Y.Map<unknown>) ?? empty),
        tracks: this.fieldMap((m.get('tracks') as Y.Map<unknown>) ?? empty),
      } as Scene;
    });
  }

  /** The raw project (not validated); null when the doc is empty. */
  raw(): Record<string, unknown> | null {
    const r = roots(this.doc);
    if (!r.meta.has('id')) return null;
    const scenes: Record<string, Scene> = {};
    for (const [id, m] of r.scenes.entries()) if (m instanceof Y.Map) scenes[id] = this.scene(id, m);
    const out: Record<string, unknown> = {};
    for (const k of META_KEYS) out[k] = r.meta.get(k);
    out.scenes = scenes;
    out.assets = this.memo(r.assets, () => r.assets.toJSON());
    out.ledger = this.memo(r.ledger, () => canonicalLedgerOrder(r.ledger.toArray()));
    return out;
  }

  /** The validated project, sharing unchanged objects with the last one read. */
  read(): { ok: true; project: Project } | { ok: false; error: string } | null {
    const raw = this.raw();
    if (!raw) return null;
    const res = loadProjectValue(raw);
    if (!res.ok) return res;
    // zod returns fresh objects: put back the identities of the parts that did not change
    const project = shareUnchanged(raw as unknown as Project, res.project);
    this.last = project;
    return { ok: true, project };
  }

  get lastRead(): Project | null {
    return this.last;
  }
}

/** Returns `parsed` with every sub-tree that is deep-equal to the same place in `raw` replaced by raw's. */
function shareUnchanged<T>(raw: T, parsed: T): T {
  // parsed is the validated copy of raw: equal wherever validation did not strip or default something
  if (raw === parsed) return raw;
  if (typeof raw !== 'object' || raw === null || typeof parsed !== 'object' || parsed === null) return parsed;
  if (Array.isArray(raw) !== Array.isArray(parsed)) return parsed;
  const keys = Object.keys(parsed as object);
  let same = keys.length === Object.keys(raw as object).length;
  const out: Record<string, unknown> = Array.isArray(parsed) ? ([] as unknown as Record<string, unknown>) : {};
  for (const k of keys) {
    const a = (raw as Record<string, unknown>)[k];
    const b = (parsed as Record<string, unknown>)[k];
    const v = shareUnchanged(a, b);
    if (v !== a) same = false;
    out[k] = v;
  }
  return same ? raw : (out as T);
}
