// throwaway diagnostic (not committed): where the camera pass's geometry time goes
import { openApp, inApp } from '../tests/e2e/harness';
const app = await openApp({ viewport: { width: 1280, height: 720 } });
const page = app.page;
await page.evaluate(() => {
  const h = (globalThis as any).__previs;
  const s = h.projectStore.getState();
  const p = structuredClone(s.project);
  const scene = p.scenes[s.activeSceneId];
  scene.objects = {}; scene.shots = {}; scene.shotOrder = []; scene.tracks = {};
  const base = { parentId: null, visible: true, locked: false };
  for (let i = 0; i < 1000; i++) {
    const id = `prop_${i}`;
    const x = (i % 40) * 2.5 - 50; const z = Math.floor(i / 40) * 2.5 - 30;
    scene.objects[id] = { ...base, id, name: id, type: 'setPiece', shape: i % 3 === 0 ? 'cylinder' : 'box', size: [1, 1 + (i % 5) * 0.3, 1], colour: '#9a8f80', transform: { position: [x, 0, z], rotation: [0, (i % 7) * 0.3, 0], scale: [1, 1, 1] } };
  }
  for (let i = 0; i < 20; i++) {
    const id = `actor_${i}`;
    scene.objects[id] = { ...base, id, name: id, type: 'actor', build: i % 2 ? 'male' : 'female', heightCm: 175, pose: {}, posePreset: 'stand', lookAt: null, colour: '#c07050', transform: { position: [i * 1.5 - 15, 0, 8], rotation: [0, 0, 0], scale: [1, 1, 1] } };
  }
  h.editorStore.getState().select([]);
  h.projectStore.getState().load(p);
});
await page.waitForFunction(() => ((globalThis as any).__previs.instancing?.stats().instances ?? 0) >= 1000);
await page.waitForTimeout(1500);
const out = await page.evaluate(() => {
  const h = (globalThis as any).__previs;
  const st = h.viewport.get();
  st.setFrameloop('never');
  const { gl, scene, camera } = st;
  camera.position.set(26, 16, 36); camera.lookAt(0, 0, 0); camera.updateMatrixWorld();
  const ctx = gl.getContext();
  const px = new Uint8Array(4);
  camera.layers.set(0);
  gl.shadowMap.autoUpdate = false;
  for (let i = 0; i < 3; i++) gl.render(scene, camera);
  const time = (fn: () => void) => { const t0 = performance.now(); fn(); ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px); return performance.now() - t0; };
  const med = (fn: () => void, n = 9) => { const t: number[] = []; for (let i = 0; i < n; i++) t.push(time(fn)); t.sort((a, b) => a - b); return t[n >> 1]; };
  const sc = () => { gl.setScissorTest(true); gl.setScissor(0, 0, 1, 1); gl.render(scene, camera); gl.setScissorTest(false); };
  const full = () => gl.render(scene, camera);
  const cells = h.instancing.root.children.filter((o: any) => o.name.startsWith('cell:'));
  const res: any = { last: { ...h.instancing.last } };
  res.scAll = med(sc); res.fullAll = med(full);
  const vis = cells.map((c: any) => c.visible);
  cells.forEach((c: any) => (c.visible = false));
  res.scNoCells = med(sc); res.fullNoCells = med(full);
  cells.forEach((c: any, i: number) => (c.visible = vis[i]));
  // vertices referenced vs unique (position+normal) among drawn cells
  let refVerts = 0, uniq = 0, tris = 0;
  for (const c of cells) {
    if (!c.visible) continue;
    const g = c.geometry; const idx = g.index.array; const n = Math.min(g.drawRange.count, idx.length);
    if (n === 0) continue;
    const pos = g.getAttribute('position').array, nor = g.getAttribute('normal').array;
    const seen = new Set<number>(); const keys = new Set<string>();
    for (let i = 0; i < n; i++) { const v = idx[i]; if (seen.has(v)) continue; seen.add(v); keys.add(`${pos[3*v].toFixed(5)},${pos[3*v+1].toFixed(5)},${pos[3*v+2].toFixed(5)},${nor[3*v].toFixed(4)},${nor[3*v+1].toFixed(4)},${nor[3*v+2].toFixed(4)}`); }
    refVerts += seen.size; uniq += keys.size; tris += n / 3;
  }
  cells.forEach((c: any) => (c.visible = false));
  const list: any[] = [];
  scene.traverseVisible((o: any) => { if ((o.isMesh || o.isLine || o.isPoints || o.isSprite) && !o.name.startsWith('cell:')) list.push(o); });
  res.others = list.map((o: any) => `${o.type}:${o.name}:${o.parent?.name}:${o.geometry?.index?.count ?? o.geometry?.getAttribute('position')?.count}:L${o.layers.mask}:${o.count ?? ''}`).slice(0, 60);
  res.othersN = list.length;
  // time each: hide all but one
  const vis2 = list.map((o: any) => o.visible);
  list.forEach((o: any) => (o.visible = false));
  res.fullNothing = med(full);
  res.each = list.slice(0, 30).map((o: any) => { o.visible = true; const t = med(full, 5); o.visible = false; return `${o.name}:${t.toFixed(1)}`; });
  list.forEach((o: any, i: number) => (o.visible = vis2[i]));
  cells.forEach((c: any, i: number) => (c.visible = vis[i]));
  res.dpr = gl.getPixelRatio();
  Object.assign(res, { refVerts, uniq, tris, drawCalls: gl.info.render.calls });
  // per-bucket triangle counts
  const buckets: any = {};
  for (const [k, b] of h.instancing.buckets ?? []) buckets[k] = 1;
  return res;
});
console.log(JSON.stringify(out, null, 1));
await app.close();
