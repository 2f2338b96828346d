import { openApp } from '/work/wt18b/tests/e2e/harness';
const app = await openApp({ viewport: { width: 1100, height: 760 } });
const frames = Number(process.env.FRAMES ?? 12);
const run = (opts: any) => app.page.evaluate(async ([opts, frames]) => {
  const h = (globalThis as any).__previs;
  const s = h.projectStore.getState();
  const p = s.project;
  const scene = p.scenes[s.activeSceneId];
  const first = scene.shots[scene.shotOrder[0]];
  const shot = { ...first, out: first.in + frames };
  const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots: { [shot.id]: shot }, shotOrder: [shot.id] } } };
  const f = await h.animatic.renderAnimaticFile(q, { burnIn: false, ...opts });
  const objs = Object.values(scene.objects).map((o: any) => o.type);
  return { frames: f.frames, ...f.timings, bytes: f.bytes.length, codec: f.codec, objs: objs.length, types: [...new Set(objs)] };
}, [opts, frames] as const);
console.log('warm', JSON.stringify(await run({ width: 640, height: 360 })));
for (const o of JSON.parse(process.env.VARIANTS ?? '[{"syncTimings":true},{}]')) {
  const r = await run(o);
  console.log(JSON.stringify(o), JSON.stringify(r), 'per frame ms:', (r.totalMs / r.frames).toFixed(0));
}
await app.close();
