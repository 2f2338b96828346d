// Pure edits of the project document. Each returns a new project (structural sharing) and never mutates.
// The store runs them through history, so every one of them is undoable.
import type { Project, Scene, SceneObject, Shot, Track, Transform, AssetMeta, LedgerEntry } from './schema';
import { newId } from './ids';
import { linkProblem } from './ledgerOrder';
import { copyRecord, own } from './names';

export type Edit = (p: Project) => Project;

export function editScene(p: Project, sceneId: string, fn: (s: Scene) => Scene): Project {
  const scene = own(p.scenes, sceneId);
  if (!scene) throw new Error(`no scene ${sceneId}`);
  const next = fn(scene);
  return next === scene ? p : { ...p, scenes: { ...p.scenes, [sceneId]: next } };
}

export const addObjects = (sceneId: string, objects: SceneObject[]): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const map = copyRecord(s.objects);
    for (const o of objects) map[o.id] = o;
    return { ...s, objects: map };
  });

/** Removes objects and everything that only made sense with them: their tracks, shots on removed cameras,
 * effect layers targeting them; children are re-parented to the root. */
export const removeObjects = (sceneId: string, ids: string[]): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const gone = new Set(ids);
    for (const o of Object.values(s.objects)) {
      if (o.type === 'effectLayer' && o.targetIds.some((t) => gone.has(t))) gone.add(o.id);
    }
    const objects: Record<string, SceneObject> = {};
    const unaimed = new Set<string>();
    for (const [id, o] of Object.entries(s.objects)) {
      if (gone.has(id)) continue;
      let next = o;
      if (next.parentId !== null && gone.has(next.parentId)) next = { ...next, parentId: null };
      if (next.type === 'camera' && next.backgroundPlateId !== null && gone.has(next.backgroundPlateId)) {
        next = { ...next, backgroundPlateId: null };
      }
      // an aim at a removed object has nothing left to follow
      if (next.type === 'camera' && next.aim?.target.kind === 'object' && gone.has(next.aim.target.objectId)) {
        next = { ...next, aim: null };
        unaimed.add(id);
      }
      objects[id] = next;
    }
    const shots: Record<string, Shot> = {};
    for (const [id, sh] of Object.entries(s.shots)) if (!gone.has(sh.cameraId)) shots[id] = sh;
    const tracks: Record<string, Track> = {};
    for (const [id, t] of Object.entries(s.tracks)) {
      if (!gone.has(t.targetId) && !(unaimed.has(t.targetId) && t.property === 'aim.weight')) tracks[id] = t;
    }
    return { ...s, objects, shots, shotOrder: s.shotOrder.filter((id) => shots[id]), tracks };
  });

export const updateObject = <T extends SceneObject>(sceneId: string, id: string, fn: (o: T) => T): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const o = s.objects[id] as T | undefined;
    if (!o) return s;
    const next = fn(o);
    return next === o ? s : { ...s, objects: { ...s.objects, [id]: next } };
  });

export const patchObject = (sceneId: string, id: string, patch: Partial<SceneObject>): Edit =>
  updateObject(sceneId, id, (o) => ({ ...o, ...patch }) as SceneObject);

export const setTransforms = (sceneId: string, transforms: Record<string, Transform>): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const objects = copyRecord(s.objects);
    for (const [id, t] of Object.entries(transforms)) {
      const o = objects[id];
      if (o) objects[id] = { ...o, transform: t };
    }
    return { ...s, objects };
  });

/** Copies objects with fresh ids, offset on X so the copy is visible; returns the edit and the new ids. */
export function duplicateObjects(sceneId: string, ids: string[], offset: [number, number, number] = [1, 0, 0]) {
  const newIds: string[] = [];
  const edit: Edit = (p) =>
    editScene(p, sceneId, (s) => {
      const objects = copyRecord(s.objects);
      const remap = new Map<string, string>();
      for (const id of ids) if (s.objects[id]) remap.set(id, newId(s.objects[id]!.type));
      for (const [oldId, nid] of remap) {
        const o = s.objects[oldId]!;
        const pos = o.transform.position;
        objects[nid] = {
          ...structuredClone(o),
          id: nid,
          name: `${o.name} copy`,
          parentId: o.parentId !== null && remap.has(o.parentId) ? remap.get(o.parentId)! : o.parentId,
          transform: { ...o.transform, position: [pos[0] + offset[0], pos[1] + offset[1], pos[2] + offset[2]] },
        };
        newIds.push(nid);
      }
      return { ...s, objects };
    });
  return { edit, newIds };
}

export const upsertShot = (sceneId: string, shot: Shot): Edit => (p) =>
  editScene(p, sceneId, (s) => ({
    ...s,
    shots: { ...s.shots, [shot.id]: shot },
    shotOrder: s.shotOrder.includes(shot.id) ? s.shotOrder : [...s.shotOrder, shot.id],
  }));

export const removeShot = (sceneId: string, shotId: string): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const shots = { ...s.shots };
    delete shots[shotId];
    return { ...s, shots, shotOrder: s.shotOrder.filter((id) => id !== shotId) };
  });

export const setShotOrder = (sceneId: string, order: string[]): Edit => (p) =>
  editScene(p, sceneId, (s) => ({ ...s, shotOrder: order.filter((id) => s.shots[id]) }));

export const upsertTrack = (sceneId: string, track: Track): Edit => (p) =>
  editScene(p, sceneId, (s) => ({ ...s, tracks: { ...s.tracks, [track.id]: track } }));

export const removeTrack = (sceneId: string, trackId: string): Edit => (p) =>
  editScene(p, sceneId, (s) => {
    const tracks = { ...s.tracks };
    delete tracks[trackId];
    return { ...s, tracks };
  });

export const addAsset = (meta: AssetMeta): Edit => (p) =>
  p.assets[meta.id] ? p : { ...p, assets: { ...p.assets, [meta.id]: meta } };

export const appendLedger = (entry: LedgerEntry): Edit => (p) => {
  const ledger = [...p.ledger, entry];
  const problem = linkProblem(ledger, ledger.length - 1, new Map(p.ledger.map((e) => [e.hash, e])));
  if (problem) throw new Error(`ledger entry seq ${entry.seq} cannot be appended: ${problem}`);
  return { ...p, ledger };
};

export const setSettings = (patch: Partial<Project['settings']>): Edit => (p) => ({
  ...p,
  settings: { ...p.settings, ...patch },
});

export const renameProject = (name: string): Edit => (p) => ({ ...p, name });

export const editEnvironment = (sceneId: string, patch: Partial<Scene['environment']>): Edit => (p) =>
  editScene(p, sceneId, (s) => ({ ...s, environment: { ...s.environment, ...patch } }));
