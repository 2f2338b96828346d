// Viewport frame time: 1,000 props + 20 actors vs an empty scene, same page, same run (ratio goal ≤ 2×).
// The two scenes alternate for a few rounds and the ratio is the median of the rounds' ratios, since the
// machines are shared and a busy neighbour moves both numbers. Besides the rAF frame interval (which
// headless Chromium quantises to vsync) it times synchronous renders (render + a 1-pixel read, so the GPU
// process finishes the frame): their best wall time, and the CPU time the browser's processes spend on each
// (summed over all threads: the work a frame costs, which a busy machine delays but does not change).
import { readdirSync, readFileSync } from 'node:fs';
import type { BenchContext, BenchRow } from './types';
import { openApp, inApp } from '../e2e/harness';

async function frameTime(page: import('playwright-core').Page, seconds: number): Promise<number> {
  return page.evaluate(
    (s) =>
      new Promise<number>((resolve) => {
        const stamps: number[] = [];
        const tick = (t: number) => {
          stamps.push(t);
          if (t - stamps[0]! < s * 1000) requestAnimationFrame(tick);
          else {
            const d = stamps.slice(1).map((v, i) => v - stamps[i]!).sort((a, b) => a - b);
            resolve(d[Math.floor(d.length / 2)]!);
          }
        };
        requestAnimationFrame(tick);
      }),
    seconds,
  );
}

/** Best time of a render the page waits out (render, then read one pixel back). */
function syncRender(page: import('playwright-core').Page, n: number): Promise<{ min: number; calls: number }> {
  return page.evaluate((n) => {
    const st = (globalThis as any).__previs.viewport.get();
    const ctx = st.gl.getContext() as WebGL2RenderingContext;
    const px = new Uint8Array(4);
    const t: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      st.gl.render(st.scene, st.camera);
      ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
      t.push(performance.now() - t0);
    }
    return { min: Math.min(...t), calls: st.gl.info.render.calls as number };
  }, n);
}

/** CPU seconds (user + system) of every process descending from this one: the browser we launched. */
function browserCpuSeconds(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      // the command name may hold spaces: fields start after its closing parenthesis
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(f[1]));
      cpu.set(Number(d), Number(f[11]) + Number(f[12]));
    } catch {
      // the process ended while we looked
    }
  }
  let ticks = 0;
  for (const [pid, t] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        ticks += t;
        break;
      }
    }
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

export default async function viewportBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1280, height: 720 } });
  const secs = ctx.quick ? 2 : 5;
  try {
    const load = (props: number, actors: number) =>
      inApp(app.page, (h) => {
        const [props, actors] = (globalThis as any).__benchArgs as [number, number];
        const s = h.projectStore.getState();
        const p = structuredClone(s.project);
        const scene = p.scenes[s.activeSceneId];
        scene.objects = {};
        scene.shots = {};
        scene.shotOrder = [];
        scene.tracks = {};
        const base = { parentId: null, visible: true, locked: false };
        for (let i = 0; i < props; i++) {
          const id = `prop_${i}`;
          const x = (i % 40) * 2.5 - 50;
          const z = Math.floor(i / 40) * 2.5 - 30;
          scene.objects[id] = { ...base, id, name: id, type: 'setPiece', shape: i % 3 === 0 ? 'cylinder' : 'box', size: [1, 1 + (i % 5) * 0.3, 1], colour: '#9a8f80', transform: { position: [x, 0, z], rotation: [0, (i % 7) * 0.3, 0], scale: [1, 1, 1] } };
        }
        for (let i = 0; i < actors; i++) {
          const id = `actor_${i}`;
          scene.objects[id] = { ...base, id, name: id, type: 'actor', build: i % 2 ? 'male' : 'female', heightCm: 175, pose: {}, posePreset: 'stand', lookAt: null, colour: '#c07050', transform: { position: [i * 1.5 - 15, 0, 8], rotation: [0, 0, 0], scale: [1, 1, 1] } };
        }
        h.projectStore.getState().load(p);
      }).then(() => undefined);
    const measure = async (props: number, actors: number) => {
      await app.page.evaluate((a) => ((globalThis as any).__benchArgs = a), [props, actors]);
      await load(props, actors);
      await frameTime(app.page, 1);
      const frame = await frameTime(app.page, secs);
      const n = ctx.quick ? 6 : 12;
      const c0 = browserCpuSeconds();
      const sync = await syncRender(app.page, n);
      const cpu = ((browserCpuSeconds() - c0) * 1000) / n;
      return { frame, cpu, ...sync };
    };
    const rounds = ctx.quick ? 1 : 3;
    const empty: Awaited<ReturnType<typeof measure>>[] = [];
    const full: typeof empty = [];
    for (let r = 0; r < rounds; r++) {
      empty.push(await measure(0, 0));
      full.push(await measure(1000, 20));
    }
    const frameRatio = median(full.map((f, i) => f.frame / empty[i]!.frame));
    const syncRatio = median(full.map((f, i) => f.min / empty[i]!.min));
    const cpuRatio = median(full.map((f, i) => f.cpu / empty[i]!.cpu));
    const note = `SwiftShader WebGL2, 1280×720, median of ${rounds} alternating round(s)`;
    return [
      { variant: 'empty scene', metric: 'median frame', value: median(empty.map((e) => e.frame)), unit: 'ms', ratio: 1 },
      { variant: '1,000 props + 20 actors', metric: 'median frame', value: median(full.map((e) => e.frame)), unit: 'ms', ratio: frameRatio, goal: '≤ 2×', note },
      { variant: 'empty scene', metric: 'browser CPU per render', value: median(empty.map((e) => e.cpu)), unit: 'ms', ratio: 1 },
      { variant: '1,000 props + 20 actors', metric: 'browser CPU per render', value: median(full.map((e) => e.cpu)), unit: 'ms', ratio: cpuRatio, goal: '≤ 2×', note: 'all threads of all browser processes' },
      { variant: 'empty scene', metric: 'best synced render', value: median(empty.map((e) => e.min)), unit: 'ms', ratio: 1 },
      { variant: '1,000 props + 20 actors', metric: 'best synced render', value: median(full.map((e) => e.min)), unit: 'ms', ratio: syncRatio, note: 'render + 1-pixel readback' },
      { variant: 'empty scene', metric: 'draw calls', value: empty[0]!.calls, unit: 'calls' },
      { variant: '1,000 props + 20 actors', metric: 'draw calls', value: full[0]!.calls, unit: 'calls', note: 'shadow pass included' },
    ];
  } finally {
    await app.close();
  }
}
