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
    const objects = scene.objects;
    for (const [oid, o] of Object.entries(objects)) {
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
    }
    const hierarchy = checkHierarchy(objects);
    if (hierarchy) return `${at}.objects.${hierarchy}`;
    for (const [shid, shot] of Object.entries(scene.shots)) {
      if (shot.id !== shid) return `${at}.shots.${shid}.id: "${shot.id}" does not match its key`;
      if (own(objects, shot.cameraId)?.type !== 'camera') {
        return `${at}.shots.${shid}.cameraId: "${shot.cameraId}" is not a camera in this scene`;
      }
      if (shot.out <= shot.in) return `${at}.shots.${shid}.out: must be after in (${shot.in})`;
    }
    for (const id of scene.shotOrder) if (!own(scene.shots, id)) return `${at}.shotOrder: shot "${id}" does not exist`;
    for (const [tid, track] of Object.entries(scene.tracks)) {
      if (track.id !== tid) return `${at}.tracks.${tid}.id: "${track.id}" does not match its key`;
      if (!own(objects, track.targetId)) return `${at}.tracks.${tid}.targetId: "${track.targetId}" does not exist`;
    }
  }
  for (const [aid, a] of Object.entries(p.assets)) if (a.id !== aid) return `assets.${aid}.id: does not match its key`;
  const byHash = new Map<string, LinkedEntry>();
  for (let i = 0; i < p.ledger.length; i++) {
    // linear, or merged after a fork (ledgerOrder.ts): signatures are the verifier's job
    const problem = linkProblem(p.ledger, i, byHash);
    if (problem) return `ledger.${i}: ${problem}`;
    byHash.set(p.ledger[i]!.hash, p.ledger[i]!);
  }
  if (p.settings.frameOut <= p.settings.frameIn) return 'settings.frameOut: must be after frameIn';
  return null;
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
