import { openApp } from '/work/wt18b/tests/e2e/harness';
const app = await openApp({ viewport: { width: 1100, height: 760 } });
app.page.on('console', (m) => console.log('page:', m.text()));
const run = (opts: any, from: number, to: number) => app.page.evaluate(async ([opts, from, to]) => {
  const h = (globalThis as any).__previs;
  const s = h.projectStore.getState();
  const p = s.project;
  const scene = p.scenes[s.activeSceneId];
  const first = scene.shots[scene.shotOrder[0]];
  const shot = { ...first, in: from, out: to };
  const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots: { [shot.id]: shot }, shotOrder: [shot.id] } } };
  const f = await h.animatic.renderAnimaticFile(q, { burnIn: false, ...opts });
  return { frames: f.frames, w: f.width, ...f.timings, bytes: f.bytes.length };
}, [opts, from, to] as const);
console.log('warm', JSON.stringify(await run({ width: 640, height: 360 }, 60, 66)));
for (const o of JSON.parse(process.env.VARIANTS ?? '[{"pipeline":"serial"},{}]')) {
  const r = await run(o, Number(process.env.FROM ?? 60), Number(process.env.TO ?? 84));
  console.log(JSON.stringify(o), JSON.stringify(r), 'per frame ms:', (r.totalMs / r.frames).toFixed(0));
}
await app.close();
