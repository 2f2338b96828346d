// Takes of an effect layer in the store: make a take active (one undo step), or purge one nobody needs (a signed
// ledger entry and the asset list edit in one step; the bytes leave this browser when no project uses them).
import type { EffectLayer, Project } from '../core/document';
import { newId, purgeTakeOf, switchTake, updateObject } from '../core/document';
import { planPurge } from '../core/disclosure';
import { projectStore } from './projectStore';
import { editorStore } from './editorStore';
import { commitLedger } from './effectRuns';
import { authorityNow } from './studioAuthority';
import { dropAssetBytes } from './assets';
import { idbAll } from './idb';

function layerOf(p: Project, sceneId: string, layerId: string): EffectLayer | null {
  const o = p.scenes[sceneId]?.objects[layerId];
  return o?.type === 'effectLayer' ? o : null;
}

/** Makes take `n` the layer's result. Its own approvals count again; the others' say nothing of it. */
export function setActiveTake(sceneId: string, layerId: string, n: number): boolean {
  const layer = layerOf(projectStore.getState().project, sceneId, layerId);
  if (!layer) return false;
  const r = switchTake(layer, n);
  if (!r.ok) {
    editorStore.getState().notify('error', r.error);
    return false;
  }
  projectStore.getState().execute(`Take ${n} of ${layer.name}`, updateObject<EffectLayer>(sceneId, layerId, (o) => (o.activeTake === n && o.takes ? o : r.layer)));
  return true;
}

/** Asset ids the project still uses: plates, kept takes, layer outputs, documents. */
function usedAssets(p: Project): Set<string> {
  const used = new Set<string>();
  for (const scene of Object.values(p.scenes)) {
    for (const o of Object.values(scene.objects)) {
      if (o.type === 'plate') used.add(o.assetId);
      if (o.type === 'asset') used.add((o as { assetId?: string }).assetId ?? '');
      if (o.type !== 'effectLayer') continue;
      if (o.output) used.add(o.output.assetId);
      for (const t of o.takes ?? []) if (!t.purged) for (const a of t.assets) used.add(a);
      for (const v of Object.values(o.params)) if (typeof v === 'string') used.add(v);
    }
  }
  for (const a of Object.values(p.assets)) if (a.kind === 'document' || a.kind === 'model' || a.kind === 'thumbnail') used.add(a.id);
  return used;
}

/**
 * Purges take `n`: a signed purge entry (the ledger keeps the take, its record and its reviews) and, in the same
 * step, the take marked purged and its assets out of the project. The bytes are then deleted from this browser
 * unless another saved project lists them.
 */
export async function purgeTake(sceneId: string, layerId: string, n: number, reason = ''): Promise<string[]> {
  let freed: string[] = [];
  try {
    await commitLedger(`Purge take ${n}`, async (project, actor, now) => {
      const layer = layerOf(project, sceneId, layerId);
      if (!layer) throw new Error(`no effect layer ${layerId}`);
      const cut = purgeTakeOf(layer, n);
      if (!cut.ok) throw new Error(cut.error);
      const r = planPurge(project, layerId, n, actor, { purgeId: newId('purge'), now, reason, authority: await authorityNow() });
      if (!r.ok) throw new Error(r.error);
      const edit = (p: Project): Project => {
        const l = layerOf(p, sceneId, layerId);
        const c = l ? purgeTakeOf(l, n) : null;
        if (!c?.ok) return p;
        const q = updateObject<EffectLayer>(sceneId, layerId, () => c.layer)(p);
        const used = usedAssets(q);
        freed = c.freed.filter((a) => !used.has(a));
        const assets = { ...q.assets };
        for (const a of freed) delete assets[a];
        return { ...q, assets };
      };
      return { items: [{ kind: 'take-purge', payload: r.payload }], edit };
    });
  } catch (e) {
    editorStore.getState().notify('error', `Take ${n} not purged: ${(e as Error).message}`);
    throw e;
  }
  const current = projectStore.getState().project;
  // saved entries hold the project's file text: a hash in another project's text is an asset it still uses
  const others = (await idbAll<{ id: string; text: string }>('projects').catch(() => [])).filter((p) => p.id !== current.id);
  const drop = freed.filter((a) => !others.some((p) => typeof p.text === 'string' && p.text.includes(a)));
  await dropAssetBytes(drop);
  return drop;
}
