// Draws a moving shot's storyboard panel on a 2D canvas, as the PDF prints it: the key frames side by
// side, "start"/"end" tags, and the camera and actor arrows of core/export/storyboardMoves over the start.
import { ARROW_COLOURS, type PanelArrow } from '../../core/export/storyboardMoves';

type G = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export function drawArrow(g: G, a: PanelArrow, x: number, y: number, w: number, h: number): void {
  const pts = a.points.map(([u, v]) => [x + Math.min(1, Math.max(0, u)) * w, y + Math.min(1, Math.max(0, v)) * h] as const);
  if (pts.length < 2) return;
  const lw = Math.max(1.5, w / 110);
  g.save();
  g.lineCap = 'round';
  g.lineJoin = 'round';
  for (const [width, colour] of [[lw + 2, '#000'], [lw, ARROW_COLOURS[a.kind]]] as const) {
    g.beginPath();
    g.moveTo(pts[0]![0], pts[0]![1]);
    for (const [px, py] of pts.slice(1)) g.lineTo(px, py);
    g.lineWidth = width;
    g.strokeStyle = colour;
    g.stroke();
  }
  const [tx, ty] = pts[pts.length - 1]!;
  const [fx, fy] = pts[pts.length - 2]!;
  const len = Math.hypot(tx - fx, ty - fy) || 1;
  const ux = (tx - fx) / len, uy = (ty - fy) / len;
  const head = Math.max(6, w / 22);
  g.beginPath();
  g.moveTo(tx, ty);
  g.lineTo(tx - ux * head - uy * head * 0.5, ty - uy * head + ux * head * 0.5);
  g.lineTo(tx - ux * head + uy * head * 0.5, ty - uy * head - ux * head * 0.5);
  g.closePath();
  g.fillStyle = ARROW_COLOURS[a.kind];
  g.fill();
  g.lineWidth = 1;
  g.strokeStyle = '#000';
  g.stroke();
  g.restore();
}

/** The frames (equal sizes) side by side on one canvas with the arrows over the first. */
export function composeMovePanel(frames: Array<{ canvas: CanvasImageSource & { width: number; height: number }; frame: number }>, arrows: readonly PanelArrow[]): OffscreenCanvas {
  const w = frames[0]!.canvas.width;
  const h = frames[0]!.canvas.height;
  const out = new OffscreenCanvas(w * frames.length, h);
  const g = out.getContext('2d')!;
  frames.forEach((f, i) => {
    g.drawImage(f.canvas, i * w, 0, w, h);
    g.font = `600 ${Math.max(9, Math.round(h / 12))}px system-ui, sans-serif`;
    g.fillStyle = 'rgba(0,0,0,0.55)';
    const tag = `${i === 0 ? 'start' : i === frames.length - 1 ? 'end' : 'key'} ${f.frame}`;
    g.fillRect(i * w, 0, g.measureText(tag).width + 8, Math.max(12, h / 9));
    g.fillStyle = '#fff';
    g.fillText(tag, i * w + 4, Math.max(10, h / 12));
    if (i > 0) {
      g.fillStyle = '#fff';
      g.fillRect(i * w - 1, 0, 2, h);
    }
  });
  for (const a of arrows) drawArrow(g, a, 0, 0, w, h);
  return out;
}
