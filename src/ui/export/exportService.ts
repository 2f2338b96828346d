// The in-app export: gate → render → disclose → files. The export dialog and the headless CLI (through
// window.__previs.exporter) both call runExport, so a pipeline gets exactly what a person gets.
import type { Project } from '../../core/document/schema';
import { isKeyRegistered } from '../../core/disclosure/ledger';
import { describeRefusals, exportGate, type GateRefusal } from '../../core/disclosure/gate';
import { discloseProject } from '../../core/disclosure/gate';
import { sha256Hex } from '../../core/export/bindBytes';
import { inspectBundle } from '../../core/export/bindBundle';
import { buildDisclosureBundle } from '../../core/disclosure/bundle';
import { exportSummary } from '../../core/export/bindBundle';
import { layerFramesInCut, sealExport } from '../../core/export/bindExport';
import { reviewReportHtml } from '../../core/export/reportHtml';
import { utf8 } from '../../core/export/bindBytes';
import { projectToGlb } from '../../export/scene/exportGlb';
import { projectStore } from '../../store/projectStore';
import { commitLedger } from '../../store/effectRuns';
import { currentSigner, currentTrust, enrolledKeyPair, identityStore } from '../../store/signingKeys';
import { projectAuthority } from '../../core/disclosure/gate';
import type { StudioTrust } from '../../core/studio/member';
import { readLedger } from '../../core/disclosure/state';
import { readCertificate } from '../../core/studio/certificates';
import { getAssetBytes } from '../../store/assets';
import { c2paSignerFor } from '../../export/c2pa/c2paCredentials';
import { editorStore } from '../../store/editorStore';
import { resolveRenderers } from './renderers';
import { shotRows } from '../../core/export/shotlist';
import { projectToEdl } from '../../core/export/edl';
import type { StoryboardPdfPanel } from '../../core/export/pdf';
import { loadSheetFonts } from '../../export/sheets/sheetFonts';
import { storyboardPanel } from '../shots/storyboardPdf';

export const EXPORT_FORMATS = ['png', 'mp4', 'glb', 'report', 'pdf', 'edl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const SOFTWARE = 'Previs Sandbox 0.1.0';

export interface ExportRequest {
  formats: readonly ExportFormat[];
  /** shot ids or shot numbers; empty = every shot of the active scene */
  shots?: readonly string[];
  purpose: 'previs' | 'deliverable';
  width?: number;
  /** the animatic as a draft: half size, DRAFT in its slate and title, named animatic_DRAFT (never a deliverable) */
  draft?: boolean;
  onProgress?: (text: string, fraction: number) => void;
  signal?: AbortSignal;
  /** the studio root and revocation lists to check approvals with; default: the ones this person imported */
  trust?: StudioTrust | null;
}

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export type ExportOutcome =
  | { ok: true; files: ExportFile[]; excluded: GateRefusal[] }
  | { ok: false; reason: string; refusals: GateRefusal[] };

/** The shots asked for (ids or numbers), or a sentence naming the one that is not in the scene. */
export function shotsOf(project: Project, sceneId: string, wanted: readonly string[] | undefined): string[] | string {
  const scene = project.scenes[sceneId]!;
  if (!wanted?.length) return [...scene.shotOrder];
  const out: string[] = [];
  for (const w of wanted) {
    const id = scene.shots[w] ? w : scene.shotOrder.find((s) => scene.shots[s]?.number === w);
    if (!id) {
      const numbers = scene.shotOrder.map((s) => scene.shots[s]?.number).filter(Boolean);
      return `There is no shot ${w} in scene "${scene.name}"; ${numbers.length ? `its shots are ${numbers.join(', ')}` : 'it has no shots yet'}.`;
    }
    out.push(id);
  }
  return out;
}

/** The project's attached consent documents whose bytes are in this browser and hash to their id. */
async function documentsAtHand(project: Project): Promise<Set<string>> {
  const out = new Set<string>();
  for (const a of Object.values(project.assets)) {
    if (a.kind !== 'document') continue;
    const bytes = await getAssetBytes(a.id).catch(() => null);
    if (bytes && (await sha256Hex(bytes)) === a.id) out.add(a.id);
  }
  return out;
}

const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_');

/** The exporter signs with this browser's key; the ledger must register it first (one signed, undoable step). */
async function exportSigner() {
  const signer = await currentSigner();
  if (!isKeyRegistered(projectStore.getState().project.ledger, signer.keyId)) {
    await commitLedger('Register signing key for export', () => ({ items: [] }));
  }
  return signer;
}

/** PNG and MP4 also get a C2PA manifest signed with this person's local credential; without one they still export. */
async function exportC2paSigner() {
  try {
    // an enrolled member signs C2PA with their member certificate (issued by the studio root); others with a local one
    const member = await enrolledKeyPair();
    if (member) return { chain: [new Uint8Array(readCertificate(member.certificatePem).rawData)], privateKey: member.keyPair.privateKey };
    return await c2paSignerFor(identityStore.getState().name);
  } catch (e) {
    editorStore.getState().notify('warning', `No C2PA manifest in this export: the C2PA credential could not be made (${(e as Error).message})`);
    return null;
  }
}

export async function runExport(req: ExportRequest): Promise<ExportOutcome> {
  const progress = req.onProgress ?? (() => {});
  const check = () => {
    if (req.signal?.aborted) throw new DOMException('export cancelled', 'AbortError');
  };
  const formats = [...new Set(req.formats)];
  for (const f of formats) if (!EXPORT_FORMATS.includes(f)) return { ok: false, reason: `unknown format "${f}" (use ${EXPORT_FORMATS.join(', ')})`, refusals: [] };
  if (req.draft && req.purpose === 'deliverable') return { ok: false, reason: 'a draft animatic is for quick cuts, not delivery: export the deliverable at full quality (without draft)', refusals: [] };
  progress('checking disclosures', 0);
  const signer = await exportSigner();
  const project = projectStore.getState().project;
  const sceneId = projectStore.getState().activeSceneId;
  const scene = project.scenes[sceneId]!;
  const shotIds = shotsOf(project, sceneId, req.shots);
  if (typeof shotIds === 'string') return { ok: false, reason: shotIds, refusals: [] };
  if ((formats.includes('png') || formats.includes('mp4') || formats.includes('pdf') || formats.includes('edl')) && shotIds.length === 0) return { ok: false, reason: 'the scene has no shots to render', refusals: [] };
  const trust = req.trust ?? currentTrust();
  // a consent document counts as at hand only when its bytes are here and hash to what the consent signed
  const gate = await exportGate(project, req.purpose, { trust, documents: await documentsAtHand(project) });
  if (req.purpose === 'deliverable' && !gate.ok) {
    return { ok: false, reason: `deliverable export refused by the disclosure gate:\n${describeRefusals(gate)}`, refusals: gate.refusals };
  }
  const allowed = gate.allowed.map((a) => a.layer.id);
  const disclosures = discloseProject(project, readLedger(project.ledger, await projectAuthority(project, trust)));
  const labels: Record<string, string | null> = Object.fromEntries(allowed.map((id) => [id, disclosures.get(id)?.label ?? null]));
  const renderers = await resolveRenderers();
  const files: ExportFile[] = [];
  const base = { project, gate, signer, software: SOFTWARE, trust, c2pa: formats.includes('png') || formats.includes('mp4') ? await exportC2paSigner() : null };
  const add = async (name: string, mime: string, bytes: Uint8Array, frames?: Record<string, { start: number; end: number } | null>, embed = true) => {
    // a still or an animatic discloses the layers it shows; a scene or a report, every allowed layer
    const layerIds = frames ? Object.keys(frames).filter((id) => frames[id] !== null) : undefined;
    const s = await sealExport({ ...base, bytes, fileName: name, frames, embed, layerIds });
    files.push({ name, mime, bytes: s.bytes }, { name: s.sidecarName, mime: 'application/json', bytes: s.sidecarBytes });
  };
  const steps = formats.length + (formats.includes('png') ? shotIds.length - 1 : 0);
  let done = 0;
  const step = (text: string) => progress(text, done++ / Math.max(1, steps));
  const thumbs: Record<string, Uint8Array> = {};
  const width = req.width ?? 1280;
  const layers = gate.allowed.map((a) => ({ id: a.layer.id, frameRange: a.layer.frameRange }));

  const stills = new Map<string, Uint8Array>();
  if (formats.includes('png') || formats.includes('report') || formats.includes('pdf')) {
    for (const shotId of shotIds) {
      check();
      const shot = scene.shots[shotId]!;
      const cam = scene.objects[shot.cameraId];
      const aspect = cam?.type === 'camera' ? cam.deliveryAspect : 16 / 9;
      if (formats.includes('png')) step(`rendering still of shot ${shot.number}`);
      const png = await renderers.still({ project, sceneId, shotId, frame: shot.in, width, height: 2 * Math.round(width / aspect / 2), allowedLayerIds: allowed, labels });
      stills.set(shotId, png);
      for (const l of layers) if (!thumbs[l.id] && (!l.frameRange || (l.frameRange.start <= shot.in && shot.in < l.frameRange.end))) thumbs[l.id] = png;
      if (formats.includes('png')) {
        const frames = layerFramesInCut(layers, [{ in: shot.in, out: shot.in + 1 }]);
        await add(`shot_${safe(shot.number)}_take${shot.take}.png`, 'image/png', png, frames);
      }
    }
  }
  if (formats.includes('mp4')) {
    check();
    step('rendering animatic');
    if (!renderers.animatic) return { ok: false, reason: 'the animatic renderer is not available in this build', refusals: [] };
    const cam = scene.objects[scene.shots[shotIds[0]!]!.cameraId];
    const aspect = cam?.type === 'camera' ? cam.deliveryAspect : 16 / 9;
    const movie = await renderers.animatic({ project, sceneId, shotIds, width, height: 2 * Math.round(width / aspect / 2), allowedLayerIds: allowed, labels, draft: !!req.draft, signal: req.signal, onProgress: (f) => progress('rendering animatic', (done - 1 + f) / Math.max(1, steps)) });
    const segments = shotIds.map((id) => scene.shots[id]!);
    const ext = movie.mime.includes('webm') ? 'webm' : 'mp4';
    // a WebM cannot carry our boxes: it travels with its sidecar only
    await add(`animatic${req.draft ? '_DRAFT' : ''}.${ext}`, movie.mime, movie.bytes, layerFramesInCut(layers, segments), ext === 'mp4');
  }
  if (formats.includes('glb')) {
    check();
    step('exporting scene (GLB)');
    await add(`${safe(scene.name)}.glb`, 'model/gltf-binary', await projectToGlb(project, { sceneId, allowedLayerIds: allowed, frame: project.settings.frameIn }));
  }
  if (formats.includes('pdf')) {
    check();
    step('writing storyboard PDF');
    const rows = shotRows(project, sceneId).filter((r) => shotIds.includes(r.shotId));
    const panels: StoryboardPdfPanel[] = [];
    // a moving shot prints its start and end frames with the move arrows, as the Shots panel's storyboard does;
    // the later frames are rendered with the same allowed layers and labels as the first
    const printed: { in: number; out: number }[] = [];
    for (const row of rows) {
      check();
      const shot = scene.shots[row.shotId]!;
      const cam = scene.objects[shot.cameraId];
      const aspect = cam?.type === 'camera' ? cam.deliveryAspect : 16 / 9;
      // every printed frame at the delivery width; the first is the still already rendered for this shot
      const still = (f: number) =>
        f === row.in && stills.has(row.shotId)
          ? Promise.resolve(stills.get(row.shotId)!)
          : renderers.still({ project, sceneId, shotId: row.shotId, frame: f, width, height: 2 * Math.round(width / aspect / 2), allowedLayerIds: allowed, labels });
      const panel = await storyboardPanel(project, sceneId, row, shot, width, still);
      for (const f of [panel.frame, ...(panel.keyFrames ?? []).map((k) => k.frame)]) printed.push({ in: f, out: f + 1 });
      panels.push(panel);
    }
    const { storyboardPdf } = await import('../../core/export/pdf');
    const pdf = await storyboardPdf(panels, { title: `${project.name} — ${scene.name}`, subtitle: `${rows.length} shots · ${project.settings.fps} fps`, creationDate: new Date() }, await loadSheetFonts());
    for (const [c] of pdf.substitutions) progress(`storyboard PDF: no glyph for "${c}", printed as ?`, done / Math.max(1, steps));
    // a PDF carries the disclosure in its sidecar
    await add('storyboard.pdf', 'application/pdf', pdf.bytes, layerFramesInCut(layers, printed), false);
  }
  if (formats.includes('edl')) {
    check();
    step('writing EDL');
    // the EDL lists the whole cut (record timecodes are cut positions); --shots does not renumber it
    await add(`${safe(scene.name)}.edl`, 'text/plain', utf8(projectToEdl(project, sceneId)), undefined, false);
  }
  if (formats.includes('report')) {
    check();
    step('writing review report');
    const bundle = await buildDisclosureBundle(project, allowed);
    const inspection = await inspectBundle(bundle, { unsigned: true, trust });
    const summary = await exportSummary(bundle, { purpose: req.purpose, software: SOFTWARE, trust });
    const listed = await Promise.all(files.filter((f) => !f.name.endsWith('.disclosure.json')).map(async (f) => ({ name: f.name, sha256: await sha256Hex(f.bytes) })));
    const html = reviewReportHtml({ projectName: project.name, purpose: req.purpose, exportedAt: new Date().toISOString(), software: SOFTWARE, inspection, summary, thumbnails: thumbs, files: listed });
    await add('review-report.html', 'text/html', utf8(html), undefined, false);
  }
  if (req.purpose === 'deliverable') {
    // a deliverable travels with the signed consent documents of the likeness layers it shows, so whoever
    // receives it can check each document's hash (previs-verify looks in consent-documents/ beside the files)
    const seen = new Set<string>();
    for (const a of gate.allowed) {
      const c = a.consent?.record;
      if (!c || seen.has(c.documentSha256)) continue;
      seen.add(c.documentSha256);
      const bytes = await getAssetBytes(c.documentSha256);
      if (bytes) files.push({ name: `consent-documents/${c.documentSha256.slice(0, 16)}-${safe(c.document?.name ?? 'consent')}`, mime: c.document?.mediaType ?? 'application/octet-stream', bytes });
    }
  }
  progress('done', 1);
  return { ok: true, files, excluded: gate.refusals };
}
