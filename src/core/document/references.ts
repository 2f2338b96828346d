// Cross-record checks zod cannot express: keys match ids, references point at things that exist, parent links
// form a forest no deeper than the viewport can nest. Every lookup is an own-property lookup, and the whole check
// is linear in the size of the document (each parent link is followed once).
import type { Project } from './schema';
import { linkProblem, type LinkedEntry } from './ledgerOrder';
import { own } from './names';

/** Deeper parent chains than this are refused: the scene graph is drawn by nesting, one level per link. */
export const MAX_PARENT_DEPTH = 1000;

export function checkReferences(p: Project): string | null {
  for (const sid of p.sceneOrder) if (!own(p.scenes, sid)) return `sceneOrder: scene "${sid}" does not exist`;
  for (const [sid, scene] of Object.entries(p.scenes)) {
    const at = `scenes.${sid}`;
    if (scene.id !== sid) return `${at}.id: "${scene.id}" does not match its key`;
    for (const oid of Object.keys(scene.objects)) {
      const problem = objectProblem(p, sid, oid);
      if (problem) return problem;
    }
    const hierarchy = checkHierarchy(scene.objects);
    if (hierarchy) return `${at}.objects.${hierarchy}`;
    for (const shid of Object.keys(scene.shots)) {
      const problem = shotProblem(p, sid, shid);
      if (problem) return problem;
    }
    const order = shotOrderProblem(p, sid);
    if (order) return order;
    for (const tid of Object.keys(scene.tracks)) {
      const problem = trackProblem(p, sid, tid);
      if (problem) return problem;
    }
  }
  for (const aid of Object.keys(p.assets)) if (p.assets[aid]!.id !== aid) return `assets.${aid}.id: does not match its key`;
  return ledgerProblem(p) ?? settingsProblem(p);
}

/** What a batch of changes touched, as the shared-document binding collects it (src/sync/docPatch.ts). */
export interface TouchedRecords {
  /** scene id → ids of the objects, shots and tracks added or changed there */
  scenes: ReadonlyMap<string, { objects: ReadonlySet<string>; shots: ReadonlySet<string>; tracks: ReadonlySet<string>; shell: boolean; hierarchy: boolean }>;
  assets: ReadonlySet<string>;
  ledger: boolean;
  /** sceneOrder or settings changed */
  meta: boolean;
}

/**
 * The part of checkReferences that a batch of additions and field changes can break: each touched record's own
 * links, the parent forest of a scene where a parent link was set, the shot order of a scene whose shell changed,
 * the ledger when it grew, the settings when they changed. Sound only when the batch deleted nothing and changed
 * no object's type (a record nobody touched can only be broken by losing what it points at, or by that thing
 * ceasing to be a camera or a plate); callers run the whole check for those. Costs the size of the batch, not of
 * the document, so a live session's every remote edit does not re-check every object.
 */
export function checkTouchedReferences(p: Project, t: TouchedRecords): string | null {
  if (t.meta) {
    for (const sid of p.sceneOrder) if (!own(p.scenes, sid)) return `sceneOrder: scene "${sid}" does not exist`;
    const s = settingsProblem(p);
    if (s) return s;
  }
  for (const [sid, touched] of t.scenes) {
    const scene = own(p.scenes, sid);
    if (!scene) continue;
    if (scene.id !== sid) return `scenes.${sid}.id: "${scene.id}" does not match its key`;
    for (const oid of touched.objects) {
      const problem = own(scene.objects, oid) ? objectProblem(p, sid, oid) : null;
      if (problem) return problem;
    }
    if (touched.hierarchy) {
      const hierarchy = checkHierarchy(scene.objects);
      if (hierarchy) return `scenes.${sid}.objects.${hierarchy}`;
    }
    for (const shid of touched.shots) {
      const problem = own(scene.shots, shid) ? shotProblem(p, sid, shid) : null;
      if (problem) return problem;
    }
    if (touched.shell) {
      const order = shotOrderProblem(p, sid);
      if (order) return order;
    }
    for (const tid of touched.tracks) {
      const problem = own(scene.tracks, tid) ? trackProblem(p, sid, tid) : null;
      if (problem) return problem;
    }
  }
  for (const aid of t.assets) {
    const a = own(p.assets, aid);
    if (a && a.id !== aid) return `assets.${aid}.id: does not match its key`;
  }
  return t.ledger ? ledgerProblem(p) : null;
}

function objectProblem(p: Project, sid: string, oid: string): string | null {
  const at = `scenes.${sid}`;
  const objects = p.scenes[sid]!.objects;
  const o = objects[oid]!;
  if (o.id !== oid) return `${at}.objects.${oid}.id: "${o.id}" does not match its key`;
  if (o.parentId !== null && !own(objects, o.parentId)) {
    return `${at}.objects.${oid}.parentId: object "${o.parentId}" does not exist`;
  }
  if (o.type === 'plate' || o.type === 'asset') {
    if (!own(p.assets, o.assetId)) return `${at}.objects.${oid}.assetId: asset ${o.assetId} is not in the project`;
  }
  if (o.type === 'camera' && o.backgroundPlateId !== null && own(objects, o.backgroundPlateId)?.type !== 'plate') {
    return `${at}.objects.${oid}.backgroundPlateId: "${o.backgroundPlateId}" is not a plate`;
  }
  if (o.type === 'camera' && o.aim?.target.kind === 'object') {
    const t = o.aim.target.objectId;
    if (t === oid) return `${at}.objects.${oid}.aim.target: a camera cannot aim at itself`;
    if (!own(objects, t)) return `${at}.objects.${oid}.aim.target: object "${t}" does not exist`;
  }
  if (o.type === 'effectLayer') {
    for (const t of o.targetIds) if (!own(objects, t)) return `${at}.objects.${oid}.targetIds: "${t}" does not exist`;
  }
  return null;
}

function shotProblem(p: Project, sid: string, shid: string): string | null {
  const at = `scenes.${sid}`;
  const scene = p.scenes[sid]!;
  const shot = scene.shots[shid]!;
  if (shot.id !== shid) return `${at}.shots.${shid}.id: "${shot.id}" does not match its key`;
  if (own(scene.objects, shot.cameraId)?.type !== 'camera') {
    return `${at}.shots.${shid}.cameraId: "${shot.cameraId}" is not a camera in this scene`;
  }
  if (shot.out <= shot.in) return `${at}.shots.${shid}.out: must be after in (${shot.in})`;
  return null;
}

function shotOrderProblem(p: Project, sid: string): string | null {
  const scene = p.scenes[sid]!;
  for (const id of scene.shotOrder) if (!own(scene.shots, id)) return `scenes.${sid}.shotOrder: shot "${id}" does not exist`;
  return null;
}

function trackProblem(p: Project, sid: string, tid: string): string | null {
  const scene = p.scenes[sid]!;
  const track = scene.tracks[tid]!;
  if (track.id !== tid) return `scenes.${sid}.tracks.${tid}.id: "${track.id}" does not match its key`;
  if (!own(scene.objects, track.targetId)) return `scenes.${sid}.tracks.${tid}.targetId: "${track.targetId}" does not exist`;
  return null;
}

function ledgerProblem(p: Project): string | null {
  const byHash = new Map<string, LinkedEntry>();
  for (let i = 0; i < p.ledger.length; i++) {
    // linear, or merged after a fork (ledgerOrder.ts): signatures are the verifier's job
    const problem = linkProblem(p.ledger, i, byHash);
    if (problem) return `ledger.${i}: ${problem}`;
    byHash.set(p.ledger[i]!.hash, p.ledger[i]!);
  }
  return null;
}

function settingsProblem(p: Project): string | null {
  return p.settings.frameOut <= p.settings.frameIn ? 'settings.frameOut: must be after frameIn' : null;
}

/**
 * Depth of every object below its root, each computed once (memoised along the walk): a real cycle is named as
 * one, a chain that is merely deep is named by its depth. Returns "id.parentId: reason" or null. Parent ids must
 * already be known to exist.
 */
export function checkHierarchy(objects: Readonly<Record<string, { parentId: string | null }>>): string | null {
  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  for (const start of Object.keys(objects)) {
    if (depth.has(start)) continue;
    const path: string[] = [];
    let cur: string | null = start;
    // climb until a root or an object whose depth is known
    while (cur !== null && !depth.has(cur)) {
      if (onPath.has(cur)) {
        for (const id of path) onPath.delete(id);
        return `${cur}.parentId: parent links form a cycle through "${cur}"`;
      }
      onPath.add(cur);
      path.push(cur);
      cur = own(objects, cur)?.parentId ?? null;
    }
    let d = cur === null ? -1 : depth.get(cur)!;
    for (let i = path.length - 1; i >= 0; i--) {
      d++;
      const id = path[i]!;
      onPath.delete(id);
      if (d > MAX_PARENT_DEPTH) {
        return `${id}.parentId: the parent chain is ${d} links deep; the limit is ${MAX_PARENT_DEPTH}`;
      }
      depth.set(id, d);
    }
  }
  return null;
}
