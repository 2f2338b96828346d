// Storyboard sheets: a printable HTML page with one panel per shot (image, number, lens, camera height,
// notes). Images come in as PNG bytes rendered through each shot's camera; this file only lays them out.
import type { ShotRow } from './shotlist';
import { escapeHtml } from '../util/escapeHtml';
import { toB64 } from '../util/base64';

export interface StoryboardPanel {
  row: ShotRow;
  /** PNG bytes of the panel frame */
  png: Uint8Array;
  /** the frame of the shot the image shows */
  frame: number;
}

export interface StoryboardOptions {
  title: string;
  /** panels per row on the printed page */
  columns?: number;
  /** a line under the title: date, author, version */
  subtitle?: string;
}

/** A file name for a panel PNG: shot number and take, safe for every file system. */
export function panelFileName(row: ShotRow): string {
  const safe = `${row.number || row.order}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `shot_${safe}_take${row.take}.png`;
}

export function storyboardHtml(panels: StoryboardPanel[], opts: StoryboardOptions): string {
  const cols = Math.max(1, Math.min(6, opts.columns ?? 3));
  const cells = panels
    .map(({ row, png }) => {
      const lens = `${row.focalLengthMm} mm${row.zooms ? ' (zoom)' : ''}${row.lensKind === 'anamorphic' ? ` ${row.squeeze}× anamorphic` : ''}`;
      const tags = [row.size, row.angle].filter(Boolean).join(' · ');
      return `<figure class="panel">
  <img alt="Shot ${escapeHtml(row.number)}" src="data:image/png;base64,${toB64(png)}">
  <figcaption>
    <div class="head"><b>${escapeHtml(row.number)}</b> ${escapeHtml(row.name)} <span class="take">take ${row.take}</span></div>
    <div class="meta">Lens ${escapeHtml(lens)} · T${row.tStop} · Cam height ${row.cameraHeightM.toFixed(2)} m · Tilt ${row.tiltDeg}°</div>
    <div class="meta">${escapeHtml(tags)}${tags ? ' · ' : ''}${row.durationFrames} fr · ${escapeHtml(row.inTimecode)}–${escapeHtml(row.outTimecode)}</div>
    ${row.description ? `<div class="words">“${escapeHtml(row.description)}”</div>` : ''}
    <div class="notes">${escapeHtml(row.notes).replace(/\n/g, '<br>')}</div>
  </figcaption>
</figure>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>
<style>
body{font:11px/1.35 system-ui,sans-serif;margin:12mm;color:#111}
h1{font-size:16px;margin:0 0 2px}.sub{color:#555;margin-bottom:8px}
.grid{display:grid;grid-template-columns:repeat(${cols},1fr);gap:6mm}
.panel{margin:0;break-inside:avoid;border:1px solid #999;padding:2mm}
.panel img{width:100%;display:block;background:#000}
.head{font-size:12px;margin-top:2px}.take{color:#555;float:right}
.meta{color:#333}.words{font-style:italic;color:#333}.notes{margin-top:2px;white-space:normal}
@page{size:A4 landscape;margin:10mm}
</style></head><body>
<h1>${escapeHtml(opts.title)}</h1><div class="sub">${escapeHtml(opts.subtitle ?? '')}</div>
<div class="grid">
${cells}
</div></body></html>
`;
}
