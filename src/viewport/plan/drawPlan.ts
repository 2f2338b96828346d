// Draws the plan's marks on a 2D canvas: camera wedges (true horizontal FOV), actor marks, the
// measurement, scale bar and north arrow. The same function draws the live overlay and the exported PNG.
import { formatDistance } from '../../core/lens';
import { planToScreen, scaleBarMetres, type PlanModel, type PlanView, type P2 } from './planGeometry';
import type { Measurement } from './planState';

export const PLAN_COLOURS = {
  shotCamera: '#ff9a00',
  camera: '#5cc8ff',
  actor: '#ff4fa3',
  measure: '#ffe14f',
  text: '#ffffff',
};

/**
 * `furniture` draws the pixel scale bar and north arrow; the PDF sheet leaves them out and draws its own
 * as vectors from the printed scale.
 */
export function drawPlan(g: CanvasRenderingContext2D, view: PlanView, model: PlanModel, measurement: Measurement | null, scale = 1, furniture = true): void {
  const S = (p: P2) => planToScreen(view, p);
  g.save();
  g.lineJoin = 'round';
  g.font = `${12 * scale}px system-ui, sans-serif`;
  for (const c of model.cameras) {
    const colour = c.shots.length ? PLAN_COLOURS.shotCamera : PLAN_COLOURS.camera;
    const a = S(c.apex), l = S(c.left), r = S(c.right);
    g.fillStyle = colour + '22';
    g.beginPath();
    g.moveTo(a[0], a[1]);
    g.lineTo(l[0], l[1]);
    g.lineTo(r[0], r[1]);
    g.closePath();
    g.fill();
    g.strokeStyle = colour;
    g.lineWidth = 2 * scale;
    g.beginPath();
    g.moveTo(l[0], l[1]);
    g.lineTo(a[0], a[1]);
    g.lineTo(r[0], r[1]);
    g.stroke();
    const fl = S(c.focusLeft), fr = S(c.focusRight);
    g.setLineDash([5 * scale, 4 * scale]);
    g.lineWidth = 1 * scale;
    g.beginPath();
    g.moveTo(fl[0], fl[1]);
    g.lineTo(fr[0], fr[1]);
    g.stroke();
    g.setLineDash([]);
    // the body: a small square at the lens position
    g.fillStyle = colour;
    g.fillRect(a[0] - 5 * scale, a[1] - 5 * scale, 10 * scale, 10 * scale);
    const text = (c.shots.length ? `Shot ${c.shots.join(', ')} — ` : '') + c.label;
    label(g, text, [a[0] - c.heading[0] * 16 * scale, a[1] - c.heading[1] * 16 * scale], colour, scale);
  }
  for (const m of model.actors) {
    const p = S(m.at);
    const r = Math.max(6 * scale, m.radiusM / view.metresPerPx);
    g.strokeStyle = PLAN_COLOURS.actor;
    g.lineWidth = 2 * scale;
    g.beginPath();
    g.arc(p[0], p[1], r, 0, Math.PI * 2);
    g.stroke();
    g.beginPath();
    g.moveTo(p[0], p[1]);
    g.lineTo(p[0] + m.facing[0] * r * 1.8, p[1] + m.facing[1] * r * 1.8);
    g.stroke();
    label(g, m.name, [p[0] + r + 4 * scale, p[1] - r], PLAN_COLOURS.actor, scale);
  }
  if (measurement) {
    const a = S(measurement.a);
    g.fillStyle = PLAN_COLOURS.measure;
    g.strokeStyle = PLAN_COLOURS.measure;
    g.lineWidth = 2 * scale;
    dot(g, a, 4 * scale);
    if (measurement.b && measurement.distanceM !== null) {
      const b = S(measurement.b);
      g.beginPath();
      g.moveTo(a[0], a[1]);
      g.lineTo(b[0], b[1]);
      g.stroke();
      dot(g, b, 4 * scale);
      label(g, formatDistance(measurement.distanceM), [(a[0] + b[0]) / 2 + 6 * scale, (a[1] + b[1]) / 2 - 6 * scale], PLAN_COLOURS.measure, scale);
    }
  }
  if (furniture) {
    drawScaleBar(g, view, scale);
    drawNorth(g, view, scale);
  }
  g.restore();
}

function dot(g: CanvasRenderingContext2D, p: P2, r: number) {
  g.beginPath();
  g.arc(p[0], p[1], r, 0, Math.PI * 2);
  g.fill();
}

function label(g: CanvasRenderingContext2D, text: string, at: P2, colour: string, scale: number) {
  g.lineWidth = 3 * scale;
  g.strokeStyle = 'rgba(0,0,0,0.75)';
  g.strokeText(text, at[0], at[1]);
  g.fillStyle = colour;
  g.fillText(text, at[0], at[1]);
}

function drawScaleBar(g: CanvasRenderingContext2D, view: PlanView, scale: number) {
  const metres = scaleBarMetres(view.metresPerPx, 140 * scale);
  const px = metres / view.metresPerPx;
  const x = 16 * scale, y = view.height - 18 * scale;
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.fillRect(x - 6 * scale, y - 22 * scale, px + 12 * scale, 32 * scale);
  g.fillStyle = '#fff';
  g.fillRect(x, y, px, 4 * scale);
  g.fillRect(x, y - 5 * scale, 2 * scale, 9 * scale);
  g.fillRect(x + px - 2 * scale, y - 5 * scale, 2 * scale, 9 * scale);
  g.fillText(`${metres >= 1 ? metres : metres.toFixed(2)} m (${(metres / 0.3048).toFixed(1)} ft)`, x, y - 8 * scale);
}

function drawNorth(g: CanvasRenderingContext2D, view: PlanView, scale: number) {
  const x = view.width - 24 * scale, y = 40 * scale;
  g.fillStyle = '#fff';
  g.beginPath();
  g.moveTo(x, y - 18 * scale);
  g.lineTo(x - 7 * scale, y);
  g.lineTo(x + 7 * scale, y);
  g.closePath();
  g.fill();
  g.fillText('−Z', x - 9 * scale, y + 14 * scale);
}
