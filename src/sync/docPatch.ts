// Other people's edits as targeted patches of the store's project. Each transaction names the Y types it changed
// and the keys changed in each (the same facts observeDeep events carry, without building the events); from those
// this notes which meta fields, scenes, objects, shots, tracks and assets moved. Applying the patch re-reads and
// validates only those records and copies only the records on their path, so every untouched object keeps its
// identity and an edit costs the size of the edit, not of the scene. References are checked for the touched records
// only, unless the batch deleted something or changed an object's type, which can break records nobody touched
// (then the whole check runs, as when a file is opened).
import * as Y from 'yjs';
import { AssetMeta, checkReferences, checkTouchedReferences, SceneObject, Shot, Track, type Project, type Scene, type TouchedRecords } from '../core/document';
import { copyRecord, own } from '../core/document/names';
import { FIELD_MAP_NAMES, ProjectReader, readItem, readLedger, readProjectShell, readSceneShell, roots, type Checked } from './projectDoc';

type FieldMapName = (typeof FIELD_MAP_NAMES)[number];
const SCHEMAS = { objects: SceneObject, shots: Shot, tracks: Track } as const;

interface SceneChange {
  /** added, replaced or removed as a whole (or one of its record maps replaced) */
  whole: boolean;
  /** name, environment or shot order */
  shell: boolean;
  objects: Set<string>;
  shots: Set<string>;
  tracks: Set<string>;
}

const isFieldMap = (k: unknown): k is FieldMapName => (FIELD_MAP_NAMES as readonly unknown[]).includes(k);

/** Keys from the root down to `type`, and which root; null when `type` lies inside something already deleted. */
function pathOf(type: Y.AbstractType<any>): { root: Y.AbstractType<any>; keys: string[] } | null {
  const keys: string[] = [];
  let t = type;
  while (t._item) {
    if (t._item.deleted) return null;
    // a type inside an array has no key; the ledger is the only array and is re-read whole
    keys.unshift(t._item.parentSub ?? '');
    t = t._item.parent as Y.AbstractType<any>;
  }
  return { root: t, keys };
}

export class DocPatcher {
  private meta = false;
  private scenes = new Map<string, SceneChange>();
  private assets = new Set<string>();
  private ledger = false;
  /** a change this cannot place: read everything */
  private everything = false;

  constructor(private readonly doc: Y.Doc) {}

  get dirty(): boolean {
    return this.everything || this.meta || this.ledger || this.scenes.size > 0 || this.assets.size > 0;
  }

  private scene(id: string): SceneChange {
    let c = this.scenes.get(id);
    if (!c) this.scenes.set(id, (c = { whole: false, shell: false, objects: new Set(), shots: new Set(), tracks: new Set() }));
    return c;
  }

  /** Notes what one transaction changed (call it for every transaction that is not the store's own). */
  note(tr: Y.Transaction): void {
    const r = roots(this.doc);
    for (const [type, changedKeys] of tr.changed) {
      const at = pathOf(type);
      if (!at) continue; // its removal is a change of a type above it, noted there
      const { root, keys } = at;
      const named = [...changedKeys].filter((k): k is string => typeof k === 'string');
      if (root === r.meta) this.meta = true;
      else if (root === r.ledger) this.ledger = true;
      else if (root === r.assets) {
        if (keys.length === 0) for (const k of named) this.assets.add(k);
        else this.assets.add(keys[0]!);
      } else if (root === r.scenes) {
        if (keys.length === 0) for (const k of named) this.scene(k).whole = true;
        else {
          const c = this.scene(keys[0]!);
          if (keys.length === 1) {
            for (const k of named) if (isFieldMap(k)) c.whole = true;
            else c.shell = true;
          } else if (isFieldMap(keys[1])) {
            const ids = c[keys[1]];
            if (keys.length === 2) for (const k of named) ids.add(k);
            else ids.add(keys[2]!);
          } else c.whole = true;
        }
      } else this.everything = true;
    }
  }

  private clear(): void {
    this.meta = this.ledger = this.everything = false;
    this.scenes.clear();
    this.assets.clear();
  }

  /**
   * `base` (the project as the doc held it when the noted changes began, plus the store's own edits since, which
   * are in the doc too) with every noted change read from the doc and validated. On success the notes are cleared;
   * on failure they are kept, so a later change that repairs the doc is applied together with them.
   */
  apply(base: Project): Checked<Project> {
    if (!this.dirty) return { ok: true, value: base };
    const res = this.everything ? readAll(this.doc) : this.patch(base);
    if (res.ok) this.clear();
    return res;
  }

  private patch(base: Project): Checked<Project> {
    const r = roots(this.doc);
    let wide = false; // something was deleted or changed type: check every reference
    const touched: TouchedRecords = { scenes: new Map(), assets: this.assets, ledger: this.ledger, meta: this.meta };

    let scenes = base.scenes;
    for (const [sid, c] of this.scenes) {
      const m = r.scenes.get(sid);
      const before = own(base.scenes, sid);
      if (scenes === base.scenes) scenes = { ...base.scenes };
      if (m === undefined) {
        delete scenes[sid];
        wide = true;
        continue;
      }
      if (!(m instanceof Y.Map)) return { ok: false, error: `scenes.${sid}: not a scene` };
      if (c.whole || !before) {
        const whole = readWholeScene(sid, m);
        if (!whole.ok) return whole;
        scenes[sid] = whole.value;
        wide = true;
        continue;
      }
      const records = { objects: before.objects, shots: before.shots, tracks: before.tracks } as Pick<Scene, FieldMapName>;
      let hierarchy = false;
      for (const f of FIELD_MAP_NAMES) {
        const ids = c[f];
        if (!ids.size) continue;
        const ymap = m.get(f);
        if (!(ymap instanceof Y.Map)) return { ok: false, error: `scenes.${sid}.${f}: missing` };
        const prev = before[f] as Record<string, unknown>;
        const out = copyRecord(prev);
        for (const id of ids) {
          const v = ymap.get(id);
          if (v === undefined) {
            if (own(prev, id)) wide = true;
            delete out[id];
            continue;
          }
          const item = readItem(v, SCHEMAS[f] as typeof SceneObject, `scenes.${sid}.${f}.${id}`);
          if (!item.ok) return item;
          out[id] = item.value;
          if (f === 'objects') {
            const was = own(prev, id) as SceneObject | undefined;
            if (was && was.type !== item.value.type) wide = true;
            if (item.value.parentId !== null && was?.parentId !== item.value.parentId) hierarchy = true;
          }
        }
        (records as Record<string, unknown>)[f] = out;
      }
      let scene: Scene;
      if (c.shell) {
        const shell = readSceneShell(sid, m, records);
        if (!shell.ok) return shell;
        scene = shell.value;
      } else scene = { ...before, ...records };
      scenes[sid] = scene;
      (touched.scenes as Map<string, TouchedRecords['scenes'] extends ReadonlyMap<string, infer V> ? V : never>).set(sid, {
        objects: c.objects,
        shots: c.shots,
        tracks: c.tracks,
        shell: c.shell,
        hierarchy,
      });
    }

    let assets = base.assets;
    if (this.assets.size) {
      const out = copyRecord(base.assets);
      for (const id of this.assets) {
        const v = r.assets.get(id);
        if (v === undefined) {
          if (own(base.assets, id)) wide = true;
          delete out[id];
          continue;
        }
        const a = readItem(v, AssetMeta, `assets.${id}`);
        if (!a.ok) return a;
        out[id] = a.value;
      }
      assets = out;
    }

    let ledger = base.ledger;
    if (this.ledger) {
      const l = readLedger(this.doc);
      if (!l.ok) return l;
      ledger = l.value;
    }

    let next: Project;
    if (this.meta) {
      const top = readProjectShell(this.doc, { scenes, assets, ledger });
      if (!top.ok) return top;
      next = top.value;
    } else next = { ...base, scenes, assets, ledger };
    const problem = wide ? checkReferences(next) : checkTouchedReferences(next, touched);
    if (problem) return { ok: false, error: problem };
    return { ok: true, value: next };
  }
}

function readWholeScene(id: string, m: Y.Map<unknown>): Checked<Scene> {
  const records: Record<string, Record<string, unknown>> = {};
  for (const f of FIELD_MAP_NAMES) {
    const ymap = m.get(f);
    if (!(ymap instanceof Y.Map)) return { ok: false, error: `scenes.${id}.${f}: missing` };
    const out: Record<string, unknown> = {};
    for (const [k, v] of ymap.entries()) {
      const item = readItem(v, SCHEMAS[f] as typeof SceneObject, `scenes.${id}.${f}.${k}`);
      if (!item.ok) return item;
      out[k] = item.value;
    }
    records[f] = out;
  }
  return readSceneShell(id, m, records as unknown as Pick<Scene, FieldMapName>);
}

/** The whole project read afresh (a change this patcher could not place). */
function readAll(doc: Y.Doc): Checked<Project> {
  const reader = new ProjectReader(doc);
  try {
    const r = reader.read();
    if (!r) return { ok: false, error: 'the shared project is empty' };
    return r.ok ? { ok: true, value: r.project } : { ok: false, error: r.error };
  } finally {
    reader.destroy();
  }
}
