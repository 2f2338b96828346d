// Cross-record checks zod cannot express: keys match ids, references point at things that exist.
import type { Project } from './schema';
import { linkProblem, type LinkedEntry } from './ledgerOrder';

export function checkReferences(p: Project): string | null {
  for (const sid of p.sceneOrder) if (!p.scenes[sid]) return `sceneOrder: scene "${sid}" does not exist`;
  for (const [sid, scene] of Object.entries(p.scenes)) {
    const at = `scenes.${sid}`;
    if (scene.id !== sid) return `${at}.id: "${scene.id}" does not match its key`;
    for (const [oid, o] of Object.entries(scene.objects)) {
      if (o.id !== oid) return `${at}.objects.${oid}.id: "${o.id}" does not match its key`;
      if (o.parentId !== null && !scene.objects[o.parentId]) {
        return `${at}.objects.${oid}.parentId: object "${o.parentId}" does not exist`;
      }
      if (o.type === 'plate' || o.type === 'asset') {
        if (!p.assets[o.assetId]) return `${at}.objects.${oid}.assetId: asset ${o.assetId} is not in the project`;
      }
      if (o.type === 'camera' && o.backgroundPlateId !== null && scene.objects[o.backgroundPlateId]?.type !== 'plate') {
        return `${at}.objects.${oid}.backgroundPlateId: "${o.backgroundPlateId}" is not a plate`;
      }
      if (o.type === 'effectLayer') {
        for (const t of o.targetIds) if (!scene.objects[t]) return `${at}.objects.${oid}.targetIds: "${t}" does not exist`;
      }
    }
    if (hasParentCycle(scene.objects)) return `${at}.objects: parent links form a cycle`;
    for (const [shid, shot] of Object.entries(scene.shots)) {
      if (shot.id !== shid) return `${at}.shots.${shid}.id: "${shot.id}" does not match its key`;
      if (scene.objects[shot.cameraId]?.type !== 'camera') {
        return `${at}.shots.${shid}.cameraId: "${shot.cameraId}" is not a camera in this scene`;
      }
      if (shot.out <= shot.in) return `${at}.shots.${shid}.out: must be after in (${shot.in})`;
    }
    for (const id of scene.shotOrder) if (!scene.shots[id]) return `${at}.shotOrder: shot "${id}" does not exist`;
    for (const [tid, track] of Object.entries(scene.tracks)) {
      if (track.id !== tid) return `${at}.tracks.${tid}.id: "${track.id}" does not match its key`;
      if (!scene.objects[track.targetId]) return `${at}.tracks.${tid}.targetId: "${track.targetId}" does not exist`;
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

function hasParentCycle(objects: Record<string, { parentId: string | null }>): boolean {
  for (const start of Object.keys(objects)) {
    let steps = 0;
    let cur: string | null = objects[start]!.parentId;
    while (cur !== null) {
      if (cur === start || ++steps > 10_000) return true;
      cur = objects[cur]?.parentId ?? null;
    }
  }
  return false;
}
