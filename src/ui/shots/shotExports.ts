// The shot exports as jobs with progress and cancel: storyboard (PNG per panel + printable HTML, zipped),
// shot list CSV and JSON, OpenTimelineIO, CMX 3600 EDL, and the animatic. Each returns the file to save.
import { zipSync, strToU8 } from 'fflate';
import type { Project } from '../../core/document';
import { shotRows, shotListCsv, shotListJson } from '../../core/export/shotlist';
import { otioJson } from '../../core/export/otio';
import { projectToEdl } from '../../core/export/edl';
import { storyboardHtml, panelFileName, type StoryboardPanel } from '../../core/export/storyboard';
import { renderShotStill } from '../../export/animatic/renderShotStill';
import { renderAnimaticFile, type AnimaticOptions } from '../../export/animatic/renderAnimatic';

export interface ExportFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface JobHooks {
  signal: AbortSignal;
  /** 0..1 and a short message */
  onProgress(fraction: number, message: string): void;
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'project';
const abortError = () => new DOMException('export cancelled', 'AbortError');

export async function exportStoryboard(p: Project, sceneId: string, hooks: JobHooks, width = 1280): Promise<ExportFile> {
  const rows = shotRows(p, sceneId);
  if (!rows.length) throw new Error('Storyboard: the scene has no shots yet');
  const panels: StoryboardPanel[] = [];
  for (const [i, row] of rows.entries()) {
    if (hooks.signal.aborted) throw abortError();
    hooks.onProgress(i / rows.length, `panel ${i + 1} of ${rows.length}`);
    const png = await renderShotStill(p, row.shotId, row.in, { sceneId, width });
    panels.push({ row, png, frame: row.in });
  }
  const scene = p.scenes[sceneId]!;
  const html = storyboardHtml(panels, { title: `${p.name} — ${scene.name}`, subtitle: `${rows.length} shots · ${p.settings.fps} fps · ${new Date().toISOString().slice(0, 10)}` });
  const files: Record<string, Uint8Array> = { 'storyboard.html': strToU8(html) };
  for (const pnl of panels) files[`panels/${panelFileName(pnl.row)}`] = pnl.png;
  hooks.onProgress(1, 'zipping');
  // PNGs are already compressed: store them
  const zip = zipSync(files, { level: 0 });
  return { name: `${slug(p.name)}_storyboard.zip`, mime: 'application/zip', bytes: zip };
}

export function exportShotListCsv(p: Project, sceneId: string): ExportFile {
  return { name: `${slug(p.name)}_shotlist.csv`, mime: 'text/csv', bytes: strToU8(shotListCsv(shotRows(p, sceneId))) };
}

export function exportShotListJson(p: Project, sceneId: string): ExportFile {
  return { name: `${slug(p.name)}_shotlist.json`, mime: 'application/json', bytes: strToU8(JSON.stringify(shotListJson(p, sceneId), null, 2)) };
}

export function exportOtio(p: Project, sceneId: string, animaticName?: string): ExportFile {
  return { name: `${slug(p.name)}.otio`, mime: 'application/json', bytes: strToU8(otioJson(p, sceneId, animaticName ? { animaticUrl: animaticName } : {})) };
}

export function exportEdl(p: Project, sceneId: string): ExportFile {
  return { name: `${slug(p.name)}.edl`, mime: 'text/plain', bytes: strToU8(projectToEdl(p, sceneId)) };
}

export async function exportAnimatic(p: Project, sceneId: string, opts: AnimaticOptions, hooks: JobHooks): Promise<ExportFile> {
  const file = await renderAnimaticFile(p, { ...opts, sceneId }, {
    signal: hooks.signal,
    onProgress: (pr) => hooks.onProgress(pr.total ? (pr.rendered + pr.encoded) / (2 * pr.total) : 0, `${pr.phase} ${pr.encoded}/${pr.total}`),
  });
  return { name: `${slug(p.name)}_animatic${file.draft ? '_DRAFT' : ''}.${file.container}`, mime: file.mime, bytes: file.bytes };
}

export function download(f: ExportFile): void {
  const url = URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: f.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
