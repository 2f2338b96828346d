// Burn-in slate: a band at the bottom of an animatic frame with shot, take, lens and timecode, as editors
// expect on previs. Drawn with the system UI font on a 2D canvas (no font is fetched).
export interface SlateInfo {
  shot: string;
  take: number;
  lens: string;
  timecode: string;
  /** frame within the shot, 1-based, and the shot's length */
  shotFrame: number;
  shotLength: number;
  /** in the middle of the band as an amber badge (a draft says DRAFT here) */
  title?: string;
}

export function drawSlate(g: OffscreenCanvasRenderingContext2D, w: number, h: number, s: SlateInfo): void {
  const band = Math.max(18, Math.round(h * 0.045));
  const pad = Math.round(band * 0.35);
  g.save();
  g.fillStyle = 'rgba(0,0,0,0.72)';
  g.fillRect(0, h - band, w, band);
  g.font = `600 ${Math.round(band * 0.58)}px ui-monospace, monospace`;
  g.textBaseline = 'middle';
  g.fillStyle = '#ffffff';
  const y = h - band / 2;
  g.textAlign = 'left';
  g.fillText(`SH ${s.shot}  TK ${s.take}  ${s.lens}`, pad, y);
  g.textAlign = 'right';
  g.fillText(`${s.timecode}  ${s.shotFrame}/${s.shotLength}`, w - pad, y);
  if (s.title) {
    // a badge, not just text: a draft must read as one at a glance, even at half size and after compression
    const tw = g.measureText(s.title).width + 2 * pad;
    g.fillStyle = '#ffcc66';
    g.fillRect(Math.round(w / 2 - tw / 2), h - band + 2, Math.round(tw), band - 4);
    g.textAlign = 'center';
    g.fillStyle = '#1a1a1a';
    g.fillText(s.title, w / 2, y);
  }
  g.restore();
}
