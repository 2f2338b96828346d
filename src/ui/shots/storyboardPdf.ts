// Storyboard sheets as a multi-panel PDF: each shot's first frame rendered through its camera, decoded to
// pixels and laid out by core/export/pdf/storyboardSheet (number, lens, camera height, notes per panel). A
// shot whose camera or actors move gets its start and end frames (or `keyCount` key frames) side by side,
// with the move arrows of core/export/storyboardMoves drawn over the start.
import type { Project, Shot } from '../../core/document';
import { shotRows, type ShotRow } from '../../core/export/shotlist';
import type { PaperName, PdfImage, StoryboardPdfPanel } from '../../core/export/pdf';
import { renderShotStill } from '../../export/animatic/renderShotStill';
import { loadSheetFonts } from '../../export/sheets/sheetFonts';
import type { ExportFile, JobHooks } from './shotExports';
import { shotMoves } from '../../core/export/storyboardMoves';

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'project';

/** PNG bytes → RGBA pixels, through the browser's own decoder. */
export async function decodePng(png: Uint8Array): Promise<PdfImage> {
  const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
  try {
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d', { willReadFrequently: true });
    if (!g) throw new Error('no 2D canvas to read the panel');
    g.drawImage(bmp, 0, 0);
    const d = g.getImageData(0, 0, bmp.width, bmp.height);
    return { width: d.width, height: d.height, rgba: d.data };
  } finally {
    bmp.close();
  }
}

export interface StoryboardPdfJob {
  file: ExportFile;
  /** characters the PDF's fonts could not print, and what was printed instead */
  substitutions: Map<string, string>;
}

/**
 * One storyboard panel: a held shot prints its first frame; a moving shot its key frames side by side with the
 * move arrows over the first. `still(frame, width)` renders one frame as PNG (the Shots panel's plain render or
 * the gated export's render with only allowed layers and labels); a moving shot's frames share the panel, so each
 * is asked for narrower and the page stays as sharp.
 */
export async function storyboardPanel(p: Project, sceneId: string, row: ShotRow, shot: Shot, width: number, still: (frame: number, width: number) => Promise<Uint8Array>, keyCount = 2): Promise<StoryboardPdfPanel> {
  const moves = shotMoves(p, sceneId, shot, keyCount);
  const w = moves.frames.length > 1 ? Math.max(320, 2 * Math.round(width / moves.frames.length / 2)) : width;
  const images = [];
  for (const f of moves.frames) images.push({ image: await decodePng(await still(f, w)), frame: f });
  const [first, ...rest] = images;
  return { row, image: first!.image, frame: first!.frame, ...(rest.length ? { keyFrames: rest, arrows: moves.arrows } : {}) };
}

/** ~960 px across a ~90 mm panel is about 270 dpi: sharp in print without a huge file. */
export async function exportStoryboardPdf(p: Project, sceneId: string, hooks: JobHooks, paper: PaperName = 'A4', width = 960, keyCount = 2): Promise<StoryboardPdfJob> {
  const rows = shotRows(p, sceneId);
  if (!rows.length) throw new Error('Storyboard: the scene has no shots yet');
  const panels: StoryboardPdfPanel[] = [];
  for (const [i, row] of rows.entries()) {
    if (hooks.signal.aborted) throw new DOMException('export cancelled', 'AbortError');
    hooks.onProgress(i / rows.length, `panel ${i + 1} of ${rows.length}`);
    const shot = p.scenes[sceneId]!.shots[row.shotId]!;
    panels.push(await storyboardPanel(p, sceneId, row, shot, width, (f, w) => renderShotStill(p, row.shotId, f, { sceneId, width: w }), keyCount));
  }
  hooks.onProgress(1, 'writing PDF');
  const scene = p.scenes[sceneId]!;
  // pdf-lib and fontkit (~500 KB gzip) load when a PDF is first asked for, not with the page
  const { storyboardPdf } = await import('../../core/export/pdf');
  const out = await storyboardPdf(panels, {
    title: `${p.name} — ${scene.name}`,
    subtitle: `${rows.length} shots · ${p.settings.fps} fps · ${new Date().toISOString().slice(0, 10)}${p.settings.author ? ` · ${p.settings.author}` : ''}`,
    paper,
    orientation: 'landscape',
    creationDate: new Date(),
  }, await loadSheetFonts());
  return { file: { name: `${slug(p.name)}_storyboard.pdf`, mime: 'application/pdf', bytes: out.bytes }, substitutions: out.substitutions };
}
