// Filling shapes into a mask plane: polygons (even-odd scanline) and capsules, sampled at pixel centres.
export type Poly = [number, number][];

export function fillPolygon(mask: Float32Array, w: number, h: number, poly: Poly, value = 1): void {
  if (poly.length < 3) return;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of poly) {
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const y0 = Math.max(0, Math.floor(minY));
  const y1 = Math.min(h - 1, Math.ceil(maxY));
  const xs: number[] = [];
  for (let y = y0; y <= y1; y++) {
    const cy = y + 0.5;
    xs.length = 0;
    for (let i = 0; i < poly.length; i++) {
      const [ax, ay] = poly[i]!;
      const [bx, by] = poly[(i + 1) % poly.length]!;
      if ((ay <= cy && by > cy) || (by <= cy && ay > cy)) xs.push(ax + ((cy - ay) / (by - ay)) * (bx - ax));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(w - 1, Math.floor(xs[k + 1]! - 0.5));
      for (let x = from; x <= to; x++) mask[y * w + x] = value;
    }
  }
}

/** Everything within `radius` of the segment a–b. */
export function fillCapsule(mask: Float32Array, w: number, h: number, a: [number, number], b: [number, number], radius: number, value = 1): void {
  const minX = Math.max(0, Math.floor(Math.min(a[0], b[0]) - radius));
  const maxX = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0]) + radius));
  const minY = Math.max(0, Math.floor(Math.min(a[1], b[1]) - radius));
  const maxY = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1]) + radius));
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy || 1;
  for (let y = minY; y <= maxY; y++)
    for (let x = minX; x <= maxX; x++) {
      const px = x + 0.5 - a[0];
      const py = y + 0.5 - a[1];
      const t = Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
      const ex = px - t * dx;
      const ey = py - t * dy;
      if (ex * ex + ey * ey <= radius * radius) mask[y * w + x] = value;
    }
}

/** An axis-aligned ellipse. */
export function fillEllipse(mask: Float32Array, w: number, h: number, c: [number, number], rx: number, ry: number, value = 1): void {
  for (let y = Math.max(0, Math.floor(c[1] - ry)); y <= Math.min(h - 1, Math.ceil(c[1] + ry)); y++)
    for (let x = Math.max(0, Math.floor(c[0] - rx)); x <= Math.min(w - 1, Math.ceil(c[0] + rx)); x++) {
      const u = (x + 0.5 - c[0]) / rx;
      const v = (y + 0.5 - c[1]) / ry;
      if (u * u + v * v <= 1) mask[y * w + x] = value;
    }
}

/** Scales a polygon about its centroid (dilate > 1, erode < 1). */
export function scalePoly(poly: Poly, k: number): Poly {
  const cx = poly.reduce((a, p) => a + p[0], 0) / poly.length;
  const cy = poly.reduce((a, p) => a + p[1], 0) / poly.length;
  return poly.map(([x, y]) => [cx + (x - cx) * k, cy + (y - cy) * k]);
}
