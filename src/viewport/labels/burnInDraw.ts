// Drawing the disclosure labels onto a 2D canvas: no stores, no scene graph, so the animatic's encoder worker
// can burn them into frames it composes itself.
export interface BurnLabel {
  text: string;
  /** pixel anchor in the frame: the label's bottom-left sits just above it */
  x?: number;
  y?: number;
}

type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Draws the labels: amber text on a dark box with a red rule, sized to the frame so it survives compression. */
export function burnDisclosureLabels(ctx: Ctx2D, width: number, height: number, labels: readonly BurnLabel[]): void {
  if (!labels.length) return;
  const size = Math.max(12, Math.round(height / 32));
  const pad = Math.round(size * 0.45);
  ctx.save();
  ctx.font = `700 ${size}px system-ui, sans-serif`;
  ctx.textBaseline = 'top';
  let stackY = pad;
  for (const l of labels) {
    const w = ctx.measureText(l.text).width + pad * 2;
    const h = size + pad * 2;
    let x: number;
    let y: number;
    if (l.x !== undefined && l.y !== undefined) {
      x = Math.min(Math.max(l.x - w / 2, 0), width - w);
      y = Math.min(Math.max(l.y - h - pad, 0), height - h);
    } else {
      x = pad;
      y = stackY;
      stackY += h + pad;
    }
    ctx.fillStyle = 'rgba(12, 12, 12, 0.82)';
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = '#ff4d3d';
    ctx.fillRect(x, y + h - Math.max(2, size / 8), w, Math.max(2, size / 8));
    ctx.fillStyle = '#ffc933';
    ctx.fillText(l.text, x + pad, y + pad);
  }
  ctx.restore();
}
