// Takes in the ledger. A take IS a disclosure record: every run of a layer signs a new record (its run number is
// the take number), and every review event names one record and its output hash, so an approval of take 3 is
// an approval of take 3's output and nothing else. Which take a layer shows is a document field; the gate reads
// the review of that take only. A purge is a signed entry: the take's assets leave the project, its record and
// reviews stay, and every reader shows it as purged.
import type { Project } from '../document/schema';
import { activeTakeOf } from '../document/takes';
import type { Authority } from '../studio/authority';
import { effectLayersOf } from './gate';
import type { Actor, Planned } from './actions';
import { readLedger } from './state';
import { DISCLOSURE_SCHEMA_VERSION, PURGE_TYPE } from './vocab';
import { TakePurge } from './purge';

export { TakePurge, type PurgeFacts } from './purge';

/** Plans the signed purge of take `n` of a layer; refuses the active take and a take already purged. */
export function planPurge(
  project: Project,
  layerId: string,
  n: number,
  by: Actor,
  opts: { purgeId: string; now: string; reason?: string; authority: Authority },
): Planned<TakePurge> {
  const found = effectLayersOf(project).find((l) => l.layer.id === layerId);
  if (!found) return { ok: false, error: `no effect layer ${layerId}` };
  const { layer } = found;
  if (activeTakeOf(layer)?.n === n) return { ok: false, error: `take ${n} is the active take of "${layer.name}"; make another take active first` };
  const state = readLedger(project.ledger, opts.authority);
  const rs = (state.byLayer.get(layerId) ?? []).map((id) => state.records.get(id)!).find((r) => r.record.run === n);
  if (!rs) return { ok: false, error: `"${layer.name}" has no recorded take ${n}` };
  if (rs.purged) return { ok: false, error: `take ${n} of "${layer.name}" is already purged` };
  return {
    ok: true,
    payload: TakePurge.parse({
      type: PURGE_TYPE,
      schemaVersion: DISCLOSURE_SCHEMA_VERSION,
      purgeId: opts.purgeId,
      layerId,
      recordId: rs.record.recordId,
      take: n,
      outputHash: rs.record.output.contentHash,
      reason: opts.reason ?? '',
      by: { name: by.name, role: by.role, keyId: by.keyId },
      at: opts.now,
    }),
  };
}
