import { openApp, inApp } from '../e2e/harness';
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
const r = await app.page.evaluate(() => {
  const h = (globalThis as any).__previs;
  h.viewportQuality.adaptiveResolution = false;
  const st0 = h.viewport.get();
  st0.setFrameloop('never');
  const out: any = {};
  const time = (label: string, dpr: number, prep: () => void, undo: () => void) => {
    const st = h.viewport.get();
    st.setDpr(dpr);
    prep();
    const s = h.viewport.get();
    const ctx = s.gl.getContext();
    const px = new Uint8Array(4);
    const t: number[] = [];
    for (let i = 0; i < 10; i++) { const t0 = performance.now(); s.advance(performance.now()); ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px); t.push(performance.now() - t0); }
    t.sort((a, b) => a - b);
    out[label + '@' + dpr] = [t[5], s.gl.domElement.width];
    undo();
  };
  const st = h.viewport.get();
  const pool = h.instancing.root;
  const grid = st.scene.getObjectByName('ground');
  for (const dpr of [1, 0.5]) {
    time('full', dpr, () => {}, () => {});
    time('noInstances', dpr, () => (pool.visible = false), () => (pool.visible = true));
    time('noInstancesNoGround', dpr, () => { pool.visible = false; grid.visible = false; }, () => { pool.visible = true; grid.visible = true; });
    const lay = st.scene.getObjectByName('ground').parent.children.find((c: any) => c.type === 'Group');
    time('noGrid', dpr, () => (lay.visible = false), () => (lay.visible = true));
  }
  return out;
});
console.log(JSON.stringify(r, null, 1));
await app.close();
