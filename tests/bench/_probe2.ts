import { openApp } from '/work/wt18b/tests/e2e/harness';
const app = await openApp({ viewport: { width: 1100, height: 760 } });
const r = await app.page.evaluate(async () => {
  const h = (globalThis as any).__previs;
  const st = h.viewport.get();
  st.setFrameloop('never');
  const gl = st.gl, scene = st.scene, cam = st.camera;
  const ctx = gl.getContext();
  const px = new Uint8Array(4);
  gl.setPixelRatio(1); gl.setSize(1920, 1080, false);
  const out: any = {};
  const time = (name: string, n = 4) => {
    gl.render(scene, cam); ctx.readPixels(0,0,1,1,ctx.RGBA,ctx.UNSIGNED_BYTE,px);
    const t0 = performance.now();
    for (let i = 0; i < n; i++) { gl.render(scene, cam); ctx.readPixels(0,0,1,1,ctx.RGBA,ctx.UNSIGNED_BYTE,px); }
    out[name] = { ms: (performance.now() - t0) / n, calls: gl.info.render.calls, tris: gl.info.render.triangles };
  };
  gl.shadowMap.autoUpdate = false; gl.shadowMap.needsUpdate = true;
  out.shadowType = gl.shadowMap.type; out.toneMapping = gl.toneMapping;
  const lights: any[] = []; scene.traverse((o: any) => { if (o.isLight) lights.push({ t: o.type, cs: o.castShadow, ms: o.shadow?.mapSize?.x }); });
  out.lights = lights;
  const mats = new Map(); scene.traverseVisible((o: any) => { if (o.material) { const m = Array.isArray(o.material)? o.material : [o.material]; for (const x of m) mats.set(x.type, (mats.get(x.type) ?? 0) + 1); } });
  out.mats = Object.fromEntries(mats);
  out.env = !!scene.environment; out.bg = scene.background?.isColor ? 'color' : String(scene.background?.type ?? scene.background);
  time('asIs');
  gl.shadowMap.autoUpdate = true; time('shadowsEveryFrame'); gl.shadowMap.autoUpdate = false;
  const THREE_Basic = Object.getPrototypeOf(Object.values(mats)[0] ?? {}).constructor;
  // hide everything except ground
  const vis: [any, boolean][] = [];
  scene.traverse((o: any) => vis.push([o, o.visible]));
  // override material: take a mesh's material class from the scene
  let anyMesh: any; scene.traverse((o: any) => { if (o.isMesh && !anyMesh) anyMesh = o; });
  const gcanvas = gl.domElement; 
  gl.setSize(960, 540, false); time('half'); gl.setSize(1920,1080,false);
  // shadow receive off
  const rec: [any, boolean][] = []; scene.traverse((o: any) => { if (o.isMesh) { rec.push([o, o.receiveShadow]); o.receiveShadow = false; } });
  time('noReceive'); for (const [o, v] of rec) o.receiveShadow = v;
  gl.shadowMap.enabled = false; scene.traverse((o:any)=>{ if (o.material) (Array.isArray(o.material)?o.material:[o.material]).forEach((m:any)=>m.needsUpdate=true); }); time('shadowsOff'); gl.shadowMap.enabled = true;
  scene.traverse((o:any)=>{ if (o.material) (Array.isArray(o.material)?o.material:[o.material]).forEach((m:any)=>m.needsUpdate=true); });
  // per-object cost: hide each top-level child
  const per: any = {};
  for (const c of scene.children) { const v = c.visible; c.visible = false; time('x'); per[`${c.type}:${c.name || c.uuid.slice(0,4)}`] = out.x.ms; c.visible = v; }
  out.per = per;
  time('asIs2');
  return out;
});
console.log(JSON.stringify(r, null, 1));
await app.close();
