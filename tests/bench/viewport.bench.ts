// Viewport frame time: 1,000 props + 20 actors vs an empty scene, same page, same run (ratio goal ≤ 2×).
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
    await app.page.evaluate(() => ((globalThis as any).__benchArgs = [0, 0]));
    await load(0, 0);
    await frameTime(app.page, 1);
    const empty = await frameTime(app.page, secs);
    await app.page.evaluate(() => ((globalThis as any).__benchArgs = [1000, 20]));
    await load(1000, 20);
    await frameTime(app.page, 1);
    const full = await frameTime(app.page, secs);
    return [
      { variant: 'empty scene', metric: 'median frame', value: empty, unit: 'ms', ratio: 1 },
      { variant: '1,000 props + 20 actors', metric: 'median frame', value: full, unit: 'ms', ratio: full / empty, goal: '≤ 2×', note: 'SwiftShader WebGL2, 1280×720' },
    ];
  } finally {
    await app.close();
  }
}
