import { openApp, inApp } from '../e2e/harness';
import { readdirSync, readFileSync } from 'node:fs';
function cpu(): number { const parent = new Map<number, number>(); const c = new Map<number, number>(); for (const d of readdirSync('/proc')) { if (!/^\d+$/.test(d)) continue; try { const st = readFileSync(`/proc/${d}/stat`, 'utf8'); const f = st.slice(st.lastIndexOf(')') + 2).split(' '); parent.set(+d, +f[1]!); c.set(+d, +f[11]! + +f[12]!); } catch {} } let t = 0; for (const [pid, v] of c) for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) { t += v; break; } return t * 10; }
const app = await openApp({ viewport: { width: 1280, height: 720 } });
await app.page.evaluate(() => ((globalThis as any).__benchArgs = [1000, 20]));
await inApp(app.page, (h) => {
  const [props, actors] = (globalThis as any).__benchArgs;
  const s = h.projectStore.getState();
  const p = structuredClone(s.project);
  const scene = p.scenes[s.activeSceneId];
  scene.objects = {}; scene.shots = {}; scene.shotOrder = []; scene.tracks = {};
  const base = { parentId: null, visible: true, locked: false };
  for (let i = 0; i < props; i++) { const id = `prop_${i}`; scene.objects[id] = { ...base, id, name: id, type: 'setPiece', shape: i % 3 === 0 ? 'cylinder' : 'box', size: [1, 1 + (i % 5) * 0.3, 1], colour: '#9a8f80', transform: { position: [(i % 40) * 2.5 - 50, 0, Math.floor(i / 40) * 2.5 - 30], rotation: [0, (i % 7) * 0.3, 0], scale: [1, 1, 1] } }; }
  for (let i = 0; i < actors; i++) { const id = `actor_${i}`; scene.objects[id] = { ...base, id, name: id, type: 'actor', build: i % 2 ? 'male' : 'female', heightCm: 175, pose: {}, posePreset: 'stand', lookAt: null, colour: '#c07050', transform: { position: [i * 1.5 - 15, 0, 8], rotation: [0, 0, 0], scale: [1, 1, 1] } }; }
  h.projectStore.getState().load(p);
});
await app.page.waitForFunction(() => (globalThis as any).__previs.instancing?.stats().instances >= 1000);
await new Promise((r) => setTimeout(r, 3000));
await app.page.evaluate(() => { const h = (globalThis as any).__previs; h.viewportQuality.adaptiveResolution = false; h.viewport.get().setFrameloop('never'); });
const variants = (process.argv[2] ?? 'full,none,tenth,full,none,tenth').split(',');
const res: Record<string, number[]> = {};
for (const v of variants) {
  const N = 8;
  const run = () => app.page.evaluate(([v, N]) => {
    const h = (globalThis as any).__previs;
    const s = h.viewport.get();
    const pool = h.instancing;
    pool.root.visible = v !== 'none';
    const ctx = s.gl.getContext(); const px = new Uint8Array(4);
    const orig = pool.prepare.bind(pool);
    if (v === 'tenth') pool.prepare = (...a: any[]) => { orig(...a); for (const m of pool.root.children) { m.count = Math.ceil(m.count / 10); m.onAfterShadow = () => {}; } };
    for (let i = 0; i < (N as number); i++) { s.advance(performance.now()); ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px); }
    pool.prepare = orig; pool.root.visible = true;
    return s.gl.info.render.triangles;
  }, [v, N] as const);
  await run();
  const c0 = cpu(); const t0 = performance.now();
  const tri = await run();
  (res[v] ??= []).push(Math.round((cpu() - c0) / N), Math.round((performance.now() - t0) / N), tri);
}
console.log(JSON.stringify(res));
await app.close();
