// The smallest box holding every marked pixel of a w×h plane, scanning each row from both ends and stopping at
// the first mark: a face-sized mark on a 1080p plate reads little more than the rows above and below it.
// Used for a de-aged frame's changed pixels, a mask's support and a feather's reach.
export interface MarkedBox {
  x0: number;
  y0: number;
  /** inclusive */
  x1: number;
  /** inclusive */
  y1: number;
}

export function markedBox(w: number, h: number, marked: (i: number) => boolean): MarkedBox | null {
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let first = -1;
    for (let x = 0; x < w; x++)
      if (marked(row + x)) {
        first = x;
        break;
      }
    if (first < 0) continue;
    let last = first;
    for (let x = w - 1; x > first; x--)
      if (marked(row + x)) {
        last = x;
        break;
      }
    if (first < x0) x0 = first;
    if (last > x1) x1 = last;
    if (y0 === h) y0 = y;
    y1 = y;
  }
  return x1 < 0 ? null : { x0, y0, x1, y1 };
}
