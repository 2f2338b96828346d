// Printable plan: the top view as rendered, the plan marks at print weight, and a title block, as PNG;
// or as a PDF floor-plan sheet (core/export/pdf/planSheet) with vector scale bars and a title block.
import type { WebGLRenderer } from 'three';
import { loadSheetFonts } from '../../export/sheets/sheetFonts';
import type { Orientation, PaperName, PlanSheetInput } from '../../core/export/pdf';
import { drawPlan } from './drawPlan';
import type { PlanModel, PlanView } from './planGeometry';
import type { Measurement } from './planState';

export interface PlanSheetInfo {
  project: string;
  scene: string;
  date: string;
}

const TITLE_PX = 56;

/** Waits until the render loop has drawn the current view (two animation frames), then composes the sheet. */
export async function renderPlanPng(
  gl: WebGLRenderer,
  view: PlanView,
  model: PlanModel,
  measurement: Measurement | null,
  info: PlanSheetInfo,
): Promise<Blob> {
  // The canvas keeps its drawing buffer (preserveDrawingBuffer), so the frame the render loop drew is
  // what we copy; the loop is also what brings the plan camera up to date with a view just changed.
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const src = gl.domElement;
  // the drawing buffer may be larger than CSS pixels (device pixel ratio): draw marks at that scale
  const scale = src.width / view.width;
  const sheet = document.createElement('canvas');
  sheet.width = src.width;
  sheet.height = src.height + Math.round(TITLE_PX * scale);
  const g = sheet.getContext('2d');
  if (!g) throw new Error('plan export: no 2D canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, sheet.width, sheet.height);
  g.drawImage(src, 0, 0);
  drawPlan(g, { ...view, width: src.width, height: src.height, metresPerPx: view.metresPerPx / scale }, model, measurement, scale);
  const y = src.height;
  g.fillStyle = '#111';
  g.font = `bold ${16 * scale}px system-ui, sans-serif`;
  g.fillText(`${info.project} — ${info.scene} — floor plan`, 12 * scale, y + 22 * scale);
  g.font = `${12 * scale}px system-ui, sans-serif`;
  const shots = model.cameras.filter((c) => c.shots.length).map((c) => `Shot ${c.shots.join(',')}: ${c.label}, ${((c.horizontalFovRad * 180) / Math.PI).toFixed(1)}° H`);
  g.fillText(`${info.date} · 1 px = ${(view.metresPerPx * 100).toFixed(1)} cm · north (−Z) up · ${shots.join(' · ')}`.slice(0, 400), 12 * scale, y + 42 * scale);
  return new Promise((resolve, reject) => sheet.toBlob((b) => (b ? resolve(b) : reject(new Error('plan export: PNG encoding failed'))), 'image/png'));
}

export interface PlanPdfOptions {
  title: PlanSheetInput['title'];
  cameras: PlanSheetInput['cameras'];
  paper: PaperName;
  orientation?: Orientation;
}

export interface PlanPdf {
  blob: Blob;
  /** characters Helvetica cannot print and what was printed instead */
  substitutions: Map<string, string>;
  scaleDenominator: number;
}

/** The current plan render with its marks (no pixel scale bar or north: the sheet draws them), as a PDF. */
export async function renderPlanPdf(gl: WebGLRenderer, view: PlanView, model: PlanModel, measurement: Measurement | null, opts: PlanPdfOptions): Promise<PlanPdf> {
  await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const src = gl.domElement;
  const scale = src.width / view.width;
  const sheet = document.createElement('canvas');
  sheet.width = src.width;
  sheet.height = src.height;
  const g = sheet.getContext('2d', { willReadFrequently: true });
  if (!g) throw new Error('plan export: no 2D canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, sheet.width, sheet.height);
  g.drawImage(src, 0, 0);
  drawPlan(g, { ...view, width: src.width, height: src.height, metresPerPx: view.metresPerPx / scale }, model, measurement, scale, false);
  const px = g.getImageData(0, 0, sheet.width, sheet.height);
  // pdf-lib and fontkit load with the first PDF, not with the page
  const { planSheetPdf } = await import('../../core/export/pdf');
  const out = await planSheetPdf({
    image: { width: px.width, height: px.height, rgba: px.data },
    metresPerPx: view.metresPerPx / scale,
    title: opts.title,
    cameras: opts.cameras,
    paper: opts.paper,
    orientation: opts.orientation ?? 'landscape',
    creationDate: new Date(),
  }, await loadSheetFonts());
  return { blob: new Blob([out.bytes as BlobPart], { type: 'application/pdf' }), substitutions: out.substitutions, scaleDenominator: out.scaleDenominator };
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
