// The shared shape of a project in one Yjs document, and the two directions between it and the store's
// immutable Project:
//   meta    Y.Map   kind, schemaVersion, id, name, createdAt, modifiedAt, settings, sceneOrder, studio
//   scenes  Y.Map   sceneId → Y.Map { name, environment, shotOrder, objects, shots, tracks }
//                   objects / shots: id → Y.Map field → value, so two people editing different fields of
//                   one object (one moves it, one renames it) both keep their edit; tracks: id → whole track
//   assets  Y.Map   sha256 → asset meta
//   ledger  Y.Array signed ledger entries, append-only (never deleted or replaced by the binding)
// Values inside are plain JSON. Structure sharing: an object whose Y.Map did not change keeps its identity
// in the rebuilt Project, so React redraws only what changed.
import * as Y from 'yjs';
import { z } from 'zod';
import { AssetMeta, checkReferences, CURRENT_SCHEMA_VERSION, describeZodError, LedgerEntry, Project, Scene, SceneObject, Shot, Track } from '../core/document';
import { canonicalLedgerOrder } from '../core/document/ledgerOrder';
import { SYNC_SCHEMA_VERSION } from '../server/version';

type Json = unknown;
// studio: which studio the project belongs to (its root's fingerprint), so every member's approvals count alike
const META_KEYS = ['kind', 'schemaVersion', 'id', 'name', 'createdAt', 'modifiedAt', 'settings', 'sceneOrder', 'studio'] as const;
const SCENE_FIELDS = ['name', 'environment', 'shotOrder'] as const;
const FIELD_MAPS = ['objects', 'shots'] as const;

export const FIELD_MAP_NAMES = ['objects', 'shots', 'tracks'] as const;

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

// Only what changed from `prev` is written. A key the doc lacks while the store still holds it unchanged was
// deleted by someone else, and that delete is still on its way into this store (remote edits reach the store
// at the next frame): writing it back would undo their delete on every machine.
function writeFields(target: Y.Map<unknown>, prev: Record<string, unknown> | undefined, next: Record<string, unknown>): void {
  for (const k of Object.keys(next)) if (!prev || prev[k] !== next[k]) put(target, k, next[k]);
  if (prev) for (const k of Object.keys(prev)) if (!(k in next)) target.delete(k);
}

function writeFieldMap(target: Y.Map<Y.Map<unknown>>, prev: Record<string, object> | undefined, next: Record<string, object>): void {
  // every local edit passes here with the whole record map: keys and lookups, not Object.entries' one pair array
  // per record (half the cost with hundreds of objects)
  for (const id of Object.keys(next)) {
    const value = next[id]!;
    const before = prev?.[id];
    if (before === value) continue; // unchanged here; if the doc lacks it, someone deleted it (see writeFields)
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
  for (const f of SCENE_FIELDS) if (!prev || prev[f] !== next[f]) put(target, f, next[f]);
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
    const v = next[k];
    if (!prev || prev[k] !== v) put(r.meta, k, v);
  }
  for (const [id, scene] of Object.entries(next.scenes)) {
    const before = prev?.scenes[id];
    if (before === scene) continue;
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
 * Reads the project back out of the doc, validating it part by part like a file being opened (a doc that
 * another client filled with something invalid is refused, never loaded half-way). Each object, shot and
 * track is validated once per change of its Y type and keeps its identity until then, so a remote edit
 * costs one object's validation and React redraws only what changed.
 */
export class ProjectReader {
  private cache = new WeakMap<Y.AbstractType<any>, Checked<unknown>>();
  private last: Project | null = null;

  private readonly onTransaction = (tr: Y.Transaction) => {
    // drop cached reads of every type that changed, and of every type above it
    for (const type of tr.changedParentTypes.keys()) this.invalidate(type);
    for (const type of tr.changed.keys()) this.invalidate(type);
  };

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.onTransaction);
  }

  /** Stops following the doc (the reader is not used again). */
  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  private invalidate(type: Y.AbstractType<any>): void {
    let t: Y.AbstractType<any> | null = type;
    while (t) {
      this.cache.delete(t);
      t = (t._item?.parent as Y.AbstractType<any> | undefined) ?? null;
    }
  }

  private memo<T>(type: Y.AbstractType<any>, build: () => Checked<T>): Checked<T> {
    const hit = this.cache.get(type);
    if (hit) return hit as Checked<T>;
    const v = build();
    this.cache.set(type, v);
    return v;
  }

  /** id → validated item of a field map (objects, shots) or value map (tracks) */
  private items<T>(m: Y.Map<unknown> | undefined, schema: z.ZodType<T>, at: string): Checked<Record<string, T>> {
    if (!(m instanceof Y.Map)) return bad(`${at}: missing`);
    return this.memo(m, () => {
      const out: Record<string, T> = {};
      for (const [id, v] of m.entries()) {
        const r = v instanceof Y.Map ? this.memo(v, () => check(schema, v.toJSON(), `${at}.${id}`)) : check(schema, v, `${at}.${id}`);
        if (!r.ok) return r;
        out[id] = r.value;
      }
      return { ok: true, value: out };
    });
  }

  private scene(id: string, m: Y.Map<unknown>): Checked<Scene> {
    return this.memo(m, () => {
      const at = `scenes.${id}`;
      const objects = this.items(m.get('objects') as Y.Map<unknown>, SceneObject, `${at}.objects`);
      if (!objects.ok) return objects;
      const shots = this.items(m.get('shots') as Y.Map<unknown>, Shot, `${at}.shots`);
      if (!shots.ok) return shots;
      const tracks = this.items(m.get('tracks') as Y.Map<unknown>, Track, `${at}.tracks`);
      if (!tracks.ok) return tracks;
      return readSceneShell(id, m, { objects: objects.value, shots: shots.value, tracks: tracks.value });
    });
  }

  /** The validated project, or null when the doc is empty. */
  read(): { ok: true; project: Project } | { ok: false; error: string } | null {
    const r = roots(this.doc);
    if (!r.meta.has('id')) return null;
    const sync = r.meta.get('syncSchema');
    if (sync !== SYNC_SCHEMA_VERSION) return { ok: false, error: `the shared project uses sync schema ${String(sync)}; this app reads ${SYNC_SCHEMA_VERSION} (update the app)` };
    const scenes: Record<string, Scene> = {};
    for (const [id, m] of r.scenes.entries()) {
      if (!(m instanceof Y.Map)) return { ok: false, error: `scenes.${id}: not a scene` };
      const sc = this.scene(id, m);
      if (!sc.ok) return { ok: false, error: sc.error };
      scenes[id] = sc.value;
    }
    const assets = this.memo(r.assets, () => check(z.record(z.string(), AssetMeta), r.assets.toJSON(), 'assets'));
    if (!assets.ok) return { ok: false, error: assets.error };
    const ledger = this.memo(r.ledger, () => readLedger(this.doc));
    if (!ledger.ok) return { ok: false, error: ledger.error };
    const top = readProjectShell(this.doc, { scenes, assets: assets.value, ledger: ledger.value });
    if (!top.ok) return { ok: false, error: top.error };
    const refError = checkReferences(top.value);
    if (refError) return { ok: false, error: refError };
    // the same project as last time when nothing changed, so the store sees no change
    const prev = this.last;
    const project = prev && sameShallow(prev, top.value) ? prev : top.value;
    this.last = project;
    return { ok: true, project };
  }

  get lastRead(): Project | null {
    return this.last;
  }
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
const bad = (error: string): { ok: false; error: string } => ({ ok: false, error });

/** One item of a field map (objects, shots: a Y.Map of fields) or value map (tracks: plain JSON), validated. */
export function readItem<T>(v: unknown, schema: z.ZodType<T>, at: string): Checked<T> {
  return check(schema, v instanceof Y.Map ? v.toJSON() : v, at);
}

/** A scene's shell (name, environment, shot order) validated, with the given records put in. */
export function readSceneShell(id: string, m: Y.Map<unknown>, records: Pick<Scene, 'objects' | 'shots' | 'tracks'>): Checked<Scene> {
  return check(Scene, { id, name: m.get('name'), environment: m.get('environment'), shotOrder: m.get('shotOrder'), objects: {}, shots: {}, tracks: {} }, `scenes.${id}`, (shell) => ({
    ...shell,
    ...records,
  }));
}

/** The project's top level (meta map) validated, with the given parts put in. */
export function readProjectShell(doc: Y.Doc, parts: Pick<Project, 'scenes' | 'assets' | 'ledger'>): Checked<Project> {
  const shell: Record<string, unknown> = { scenes: {}, assets: {}, ledger: [] };
  for (const k of META_KEYS) shell[k] = roots(doc).meta.get(k);
  // a project shared by a schema-3 app: 3 → 4 only added the optional camera aim, so its objects already read as 4
  if (shell.schemaVersion === 3 && CURRENT_SCHEMA_VERSION === 4) shell.schemaVersion = 4;
  return check(Project, shell, 'project', (p) => ({ ...p, ...parts }));
}

/** The shared ledger in canonical order, validated. */
export function readLedger(doc: Y.Doc): Checked<LedgerEntry[]> {
  return check(z.array(LedgerEntry), canonicalLedgerOrder(roots(doc).ledger.toArray()), 'ledger');
}

export function check<T, U = T>(schema: z.ZodType<T>, value: unknown, at: string, finish?: (v: T) => U): Checked<U> {
  const r = schema.safeParse(value);
  if (!r.success) return bad(`${at}.${describeZodError(r.error)}`);
  return { ok: true, value: finish ? finish(r.data) : (r.data as unknown as U) };
}

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

function sameShallow(a: Project, b: Project): boolean {
  for (const k of Object.keys(b) as (keyof Project)[]) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    // small meta values (settings, sceneOrder) are re-parsed on every read: compare them by value
    if ((k === 'settings' || k === 'sceneOrder' || k === 'studio') && JSON.stringify(x) === JSON.stringify(y)) continue;
    if (k === 'scenes' && sameRecord(a.scenes, b.scenes)) continue;
    return false;
  }
  return true;
}
