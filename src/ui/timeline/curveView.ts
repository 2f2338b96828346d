// The curve editor's view: frames across, values up, inside a box of pixels. Plain maths, no React.
import type { CurveBounds } from '../../core/timeline';

export interface CurveView extends CurveBounds {
  width: number;
  height: number;
}

export const xOf = (v: CurveView, f: number) => ((f - v.f0) / (v.f1 - v.f0)) * v.width;
export const yOf = (v: CurveView, value: number) => v.height - ((value - v.v0) / (v.v1 - v.v0)) * v.height;
export const frameAtX = (v: CurveView, x: number) => v.f0 + (x / Math.max(1, v.width)) * (v.f1 - v.f0);
export const valueAtY = (v: CurveView, y: number) => v.v0 + ((v.height - y) / Math.max(1, v.height)) * (v.v1 - v.v0);

/** A round grid step (1, 2, 5 × 10ⁿ) giving about `count` lines over `span`. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0) || !Number.isFinite(span)) return 1;
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10) * mag;
}

/** Grid values from a to b at a nice step. */
export function gridLines(a: number, b: number, count = 5): number[] {
  const step = niceStep(b - a, count);
  const out: number[] = [];
  for (let x = Math.ceil(a / step) * step; x <= b + 1e-9 && out.length < 200; x += step) out.push(+x.toFixed(10));
  return out;
}

/** The view zoomed by `factor` (< 1 zooms in) around frame/value (af, av) on the chosen axes. */
export function zoomView(v: CurveView, factor: number, af: number, av: number, axes: { time: boolean; value: boolean }): CurveView {
  const out = { ...v };
  if (axes.time) {
    out.f0 = af - (af - v.f0) * factor;
    out.f1 = af + (v.f1 - af) * factor;
  }
  if (axes.value) {
    out.v0 = av - (av - v.v0) * factor;
    out.v1 = av + (v.v1 - av) * factor;
  }
  return out;
}
