// window.__previs.exporter: what the headless export CLI and the e2e tests drive. Bytes cross the page boundary
// as base64. It opens projects through the app's own open path and exports through runExport (the gate).
import { registerTestHook } from '../../testHook';
import { openProjectFile, projectFileBytes } from '../../store/projectFile';
import { projectStore } from '../../store/projectStore';
import { verifyExport } from '../../core/export/bindVerify';
import { runExport, type ExportRequest } from './exportService';
import { adoptMemberKey } from '../../store/signingKeys';
import { getAssetBytes, putAsset } from '../../store/assets';
import { sha256Hex } from '../../core/util/sha256';
import { fromB64, toB64 } from '../../core/util/base64';

async function openBytes(name: string, bytes: Uint8Array) {
  const r = await openProjectFile(name, bytes);
  return r.ok ? { ok: true, name: r.project.name } : { ok: false, error: r.error };
}

const progressLog: { text: string; fraction: number }[] = [];

registerTestHook('exporter', {
  progressLog,
  openProject: (name: string, b64: string) => openBytes(name, fromB64(b64)),
  /** as a dropped file: timings then measure the open, not the test's base64 transport */
  openProjectBytes: openBytes,
  /** the open project as the app saves it (.previs.json, or .previs.zip with its assets), for file exchange */
  async saveProject() {
    const f = await projectFileBytes(projectStore.getState().project);
    return { name: f.name, b64: toB64(f.bytes) };
  },
  /** the headless export's member identity (npm run export -- --member-key/--member-cert) */
  async adoptMember(pkcs8B64: string, certificatePem: string, rootPem: string, crlPems: string[]) {
    try {
      const c = await adoptMemberKey(fromB64(pkcs8B64), certificatePem, rootPem, crlPems);
      return c.ok ? { ok: true, name: c.member.name } : { ok: false, error: c.reason };
    } catch (e) {
      return { ok: false, error: (e as Error).message };
    }
  },
  /** consent documents handed to the headless export; stored by their SHA-256 like every asset */
  async addDocuments(docs: { b64: string; mime: string }[]) {
    const ids: string[] = [];
    for (const d of docs) ids.push(await putAsset(fromB64(d.b64), d.mime));
    return ids;
  },
  /** an asset's bytes as the app gets them (this browser, else the studio server), hashed again here */
  async assetDigest(hash: string) {
    const bytes = await getAssetBytes(hash);
    return bytes ? { sha256: await sha256Hex(bytes), byteLength: bytes.byteLength } : null;
  },
  async run(req: Omit<ExportRequest, 'onProgress' | 'signal'>) {
    progressLog.length = 0;
    try {
      const r = await runExport({ ...req, onProgress: (text, fraction) => progressLog.push({ text, fraction }) });
      if (!r.ok) return r;
      return { ok: true, excluded: r.excluded, files: r.files.map((f) => ({ name: f.name, mime: f.mime, b64: toB64(f.bytes) })) };
    } catch (e) {
      return { ok: false, reason: (e as Error).message, refusals: [] };
    }
  },
  async verify(name: string, b64: string, target?: string) {
    const v = await verifyExport(name, fromB64(b64), { sidecarTarget: target ? fromB64(target) : undefined });
    return { ok: v.ok, problems: v.problems, notes: v.notes, c2pa: v.c2pa ?? null, layers: v.layers.map((l) => ({ ...l.summary, approved: l.approvedAtCurrentHash, consented: l.consented })) };
  },
});
