// What the two collapse e2e files share: a pinned layout (a new layer adds a timeline row, and a resized canvas
// would make pixel comparisons moot), waiting on rendered frames, parking the playhead, saving the viewport,
// and a per-pixel change measure.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp, inApp, canvasPixels, type App } from './harness';

const PINNED_LAYOUT =
  '.toolbar{height:44px!important;overflow:hidden!important;flex-wrap:nowrap!important}' +
  '.centre{grid-template-rows:1fr 190px!important}.panels-bottom{height:190px!important;max-height:190px!important;overflow:hidden!important}';

export interface CollapseStage {
  app: App;
  /** resolves once `n` more viewport frames have been drawn */
  frames(n?: number): Promise<void>;
  /** parks the playhead at `frame` and waits for the viewport to draw it */
  at(frame: number): Promise<void>;
  /** keeps the viewport's picture as OUT/name.png (for a person reading a failure) */
  save(name: string): Promise<void>;
  /**
   * Undoes once and reports: how many undo steps the run had added since `historyBefore`, whether layer
   * `layerId` is gone, and the viewport's picture at `frame` afterwards (kept as OUT/undone-end.png).
   */
  undoLayer(layerId: string, historyBefore: number, frame: number): Promise<{ steps: number; gone: boolean; picture: Awaited<ReturnType<typeof canvasPixels>> }>;
}

export async function openCollapseStage(outDir: string): Promise<CollapseStage> {
  const app = await openApp({ viewport: { width: 1100, height: 700 } });
  await app.page.addStyleTag({ content: PINNED_LAYOUT });
  const frames = async (n = 3) => {
    const n0 = await inApp(app.page, (h) => h.frameStats.frames as number);
    await app.page.waitForFunction((k) => (globalThis as any).__previs.frameStats.frames > k, n0 + n);
  };
  const at = async (frame: number) => {
    await app.page.evaluate((f) => (globalThis as any).__previs.playhead.set(f), frame);
    await frames();
  };
  const save = async (name: string) => {
    const url = await app.page.evaluate(() => (document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement).toDataURL('image/png'));
    writeFileSync(resolve(outDir, `${name}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
  };
  const undoLayer = async (layerId: string, historyBefore: number, frame: number) => {
    const historyAfter = await inApp(app.page, (h) => h.projectStore.getState().history.past.length as number);
    await inApp(app.page, (h) => h.projectStore.getState().undo());
    const gone = await app.page.evaluate((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return !s.project.scenes[s.activeSceneId].objects[id];
    }, layerId);
    // step off and back so the viewport redraws the frame without the layer
    await at(frame - 1);
    await at(frame);
    await frames(4);
    const picture = await canvasPixels(app.page);
    await save('undone-end');
    return { steps: historyAfter - historyBefore, gone, picture };
  };
  await frames(3);
  mkdirSync(outDir, { recursive: true });
  return { app, frames, at, save, undoLayer };
}

export type Rect = { x0: number; y0: number; x1: number; y1: number };

/** Share of pixels (in `r`, or all) whose RGB changed by more than 30 in sum, and the mean change per channel. */
export function changed(a: Uint8Array, b: Uint8Array, w: number, r: Rect | null = null): { frac: number; mean: number } {
  let n = 0, tot = 0, sum = 0;
  const h = a.length / 4 / w;
  const box = r ?? { x0: 0, y0: 0, x1: w, y1: h };
  for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(h, box.y1); y++) {
    for (let x = Math.max(0, Math.floor(box.x0)); x < Math.min(w, box.x1); x++) {
      const i = 4 * (y * w + x);
      const d = Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
      sum += d;
      if (d > 30) n++;
      tot++;
    }
  }
  return { frac: n / Math.max(1, tot), mean: sum / Math.max(1, tot) };
}
