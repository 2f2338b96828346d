// The overlapped animatic pipeline (issue 18) against the serial one it replaced, in the built app:
// - same pixels: the frames handed to the encoder, and the decoded files, of both pipelines over a stretch of
//   the demo's shot 1 where the dolly settles (six moving frames, then six held ones the new pipeline does not
//   redraw), slate burnt in;
// - a draft is half size, says DRAFT in its slate (amber title pixels where a full-quality slate has none)
//   and in its file title.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openApp, type App } from './harness';

const OUT = resolve('.tmp/e2e-animatic-pipeline');
// tolerances in 8-bit levels: the frames handed to the encoder must agree exactly up to rounding; decoded
// files add the codec's noise on top (same encoder, same settings, so it is small too)
const MAX_MEAN_BEFORE_ENCODE = 0.5;
const MAX_MEAN_DECODED = 1.5;

let app: App;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await openApp({ viewport: { width: 1100, height: 760 } });
});
afterAll(async () => {
  await app?.close();
});

interface Rendered {
  b64: string;
  width: number;
  height: number;
  drawn: number;
  reused: number;
}

/**
 * Renders frames [from, to) of the demo's shot 1 once per options set; the files as base64, and per frame in
 * `compare`, mean and max |first − second| per channel of the frames handed to the encoder (computed in the
 * page: the RGBA frames are megabytes each).
 */
async function render(from: number, to: number, runs: Record<string, unknown>[], compare: number[] = []): Promise<{ files: Rendered[]; before: { mean: number; max: number }[]; spread: number }> {
  return app.page.evaluate(
    async ([from, to, runs, compare]) => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const scene = s.project.scenes[s.activeSceneId];
      const first = scene.shots[scene.shotOrder[0]];
      const shot = { ...first, in: from, out: to };
      const q = { ...s.project, scenes: { ...s.project.scenes, [s.activeSceneId]: { ...scene, shots: { [shot.id]: shot }, shotOrder: [shot.id] } } };
      const made: any[] = [];
      for (const opts of runs) made.push(await h.animatic.renderAnimaticFile(q, { ...opts, captureFrames: compare }));
      const diff = (a: Uint8Array, b: Uint8Array) => {
        let sum = 0;
        let max = 0;
        for (let i = 0; i < a.length; i += 4) {
          for (let c = 0; c < 3; c++) {
            const d = Math.abs(a[i + c]! - b[i + c]!);
            sum += d;
            if (d > max) max = d;
          }
        }
        return { mean: sum / ((a.length / 4) * 3), max };
      };
      const before = compare.map((k) => {
        const a = made[0].captured[k] as Uint8Array | undefined;
        const b = made[1]?.captured[k] as Uint8Array | undefined;
        if (!a || !b || a.length !== made[0].width * made[0].height * 4 || a.length !== b.length) return { mean: NaN, max: NaN };
        return diff(a, b);
      });
      // how different the first and last compared frames are: equality above must mean something
      const spread = compare.length > 1 ? diff(made[0].captured[compare[0]!], made[0].captured[compare[compare.length - 1]!]).mean : 0;
      const files = made.map((f) => {
        let bin = '';
        for (let i = 0; i < f.bytes.length; i += 0x8000) bin += String.fromCharCode(...f.bytes.subarray(i, i + 0x8000));
        return { b64: btoa(bin), width: f.width, height: f.height, drawn: f.timings.drawnFrames, reused: f.timings.reusedFrames };
      });
      return { files, before, spread };
    },
    [from, to, runs, compare] as const,
  );
}

function save(name: string, b64: string): string {
  const path = join(OUT, name);
  writeFileSync(path, Buffer.from(b64, 'base64'));
  return path;
}

/** Every frame of a file, RGB24. */
function decode(path: string, w: number, h: number): Uint8Array[] {
  const raw = execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 256 << 20 });
  const n = w * h * 3;
  const out: Uint8Array[] = [];
  for (let i = 0; i + n <= raw.length; i += n) out.push(raw.subarray(i, i + n));
  return out;
}

/** Mean |a − b| per channel (stride 3 for RGB), and the largest single difference. */
function diff(a: Uint8Array, b: Uint8Array, stride: number): { mean: number; max: number } {
  let sum = 0;
  let max = 0;
  let n = 0;
  for (let i = 0; i < a.length; i += stride) {
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a[i + c]! - b[i + c]!);
      sum += d;
      if (d > max) max = d;
      n++;
    }
  }
  return { mean: sum / n, max };
}

/** Amber slate-title pixels (the DRAFT badge) in the middle third of the bottom band of an RGB24 frame. */
function amberInSlateMiddle(rgb: Uint8Array, w: number, h: number): number {
  const band = Math.max(18, Math.round(h * 0.045));
  let n = 0;
  for (let y = h - band; y < h; y++) {
    for (let x = Math.floor(w / 3); x < Math.floor((2 * w) / 3); x++) {
      const i = (y * w + x) * 3;
      if (rgb[i]! > 170 && rgb[i + 1]! > 120 && rgb[i + 2]! < 120 && rgb[i]! - rgb[i + 2]! > 80) n++;
    }
  }
  return n;
}

describe('animatic pipelines', () => {
  it('the overlapped pipeline gives the serial pipeline’s pixels, before encoding and decoded', async () => {
    const W = 960;
    const H = 540;
    // the dolly settles at frame 72 of shot 1: 66–71 move, 72–77 hold
    const compare = [0, 3, 5, 6, 9, 11];
    const opts = { width: W, height: H, burnIn: true };
    const { files, before, spread } = await render(66, 78, [{ ...opts, pipeline: 'serial' }, opts], compare);
    const [serial, overlapped] = files as [Rendered, Rendered];
    expect(serial.drawn).toBe(12);
    // held frames are not redrawn
    expect(overlapped.reused).toBeGreaterThanOrEqual(5);
    expect(overlapped.drawn + overlapped.reused).toBe(12);
    compare.forEach((k, i) => {
      console.log(`[animatic] frame ${k} as handed to the encoder: mean |serial − overlapped| ${before[i]!.mean.toFixed(4)} levels, max ${before[i]!.max}`);
      expect(before[i]!.mean).toBeLessThanOrEqual(MAX_MEAN_BEFORE_ENCODE);
    });
    expect(spread).toBeGreaterThan(2);
    const sa = decode(save('serial.mp4', serial.b64), W, H);
    const sb = decode(save('overlapped.mp4', overlapped.b64), W, H);
    expect(sa.length).toBe(12);
    expect(sb.length).toBe(12);
    let worst = 0;
    for (let i = 0; i < 12; i++) worst = Math.max(worst, diff(sa[i]!, sb[i]!, 3).mean);
    console.log(`[animatic] decoded files: worst frame mean |serial − overlapped| ${worst.toFixed(3)} levels per channel`);
    expect(worst).toBeLessThanOrEqual(MAX_MEAN_DECODED);
  }, 400_000);

  it('a draft is half size and says DRAFT in its slate and its title', async () => {
    const { files } = await render(72, 76, [{ width: 960, height: 540, draft: true }, { width: 480, height: 270, burnIn: true }]);
    const [draft, full] = files as [Rendered, Rendered];
    expect([draft.width, draft.height]).toEqual([480, 270]);
    const dPath = save('draft.mp4', draft.b64);
    const probe = JSON.parse(
      execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height:format_tags', '-of', 'json', dPath]).toString(),
    ) as { streams: { width: number; height: number }[]; format: { tags?: Record<string, string> } };
    expect(probe.streams[0]).toMatchObject({ width: 480, height: 270 });
    expect(JSON.stringify(probe.format.tags ?? {})).toMatch(/DRAFT/);
    const d = decode(dPath, 480, 270);
    const f = decode(save('full.mp4', full.b64), 480, 270);
    const inDraft = amberInSlateMiddle(d[1]!, 480, 270);
    const inFull = amberInSlateMiddle(f[1]!, 480, 270);
    console.log(`[animatic] amber title pixels in the slate's middle: draft ${inDraft}, full quality ${inFull}`);
    expect(inDraft).toBeGreaterThan(300);
    expect(inFull).toBeLessThan(5);
  }, 200_000);
});
