// Viewport frame cost: an empty scene against 1,000 props + 20 actors, the old path (per-instance culling,
// level of detail, shadow reuse, adaptive resolution and static cells all off) beside the new one, and the
// new one with its static cells off (instances only) to show what baking still props buys, with the camera still
// and while it orbits, all in one page and one run (goals: ≤ 2× the empty scene still, ≤ 3× orbiting).
//
// Frames are driven by hand (R3F's frameloop 'never' + advance): each frame runs the viewport's whole loop
// (every useFrame callback, then the render with both passes) and is timed until one pixel has been read
// back, so the GPU process has finished it. Besides the wall time it counts the CPU time the browser's
// processes spend per frame (summed over all threads: the work a frame costs, which a busy machine delays but
// does not change). Variants alternate for a few rounds and each ratio is the median of its rounds' ratios,
// since the machines are shared and a busy neighbour moves every number.
//
// With PREVIS_BENCH_BASE set to another built app (e.g. main's dist), that build's new path is measured in
// the same rounds in a second browser, still and orbiting against its own empty scene: a before/after of a
// change in one run, on one machine load.
//
// A still view keeps its last frame (KeptFrame): the bench times a still frame both drawn and kept, and a
// two-thread CPU job run beside the idle app while the view keeps its frames and while it draws every frame.
//
// Then a breakdown of one new-path frame of the big set into its parts: the shadow pass, the camera pass,
// the editor overlays, picking (one pointer move's raycast), the pool's per-render culling, and the JS of
// evaluating the timeline for a new frame, so the next bottleneck is visible.
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BenchContext, BenchRow } from './types';
import { openApp, inApp } from '../e2e/harness';

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

/**
 * old: every switch off; instanced: the new path without static cells (batch off) nor kept frames; drawn: the
 * new path drawing every frame (keepFrame off); new: every switch on (a still view over a still set keeps its
 * last frame)
 */
type Path = 'old' | 'instanced' | 'drawn' | 'new' | 'base';
type Motion = 'still' | 'orbit';
interface Sample {
  wall: number;
  cpu: number;
  calls: number;
  triangles: number;
  shadowRedraws: number;
  pixelRatio: number;
}

type Page = import('playwright-core').Page;

/** Loads a scene of `props` set pieces and `actors` mannequins (replacing the demo set), waits until drawn. */
async function load(page: Page, props: number, actors: number): Promise<void> {
  await page.evaluate((a) => ((globalThis as any).__benchArgs = a), [props, actors]);
  await inApp(page, (h) => {
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
    // one actor walks across the set over two seconds: the timeline has something to evaluate per frame
    if (actors > 0) scene.tracks.walk = { id: 'walk', targetId: 'actor_0', property: 'transform.position', keys: [{ frame: 0, value: [-15, 0, 8], interp: 'linear' }, { frame: 48, value: [-5, 0, 8], interp: 'linear' }] };
    h.editorStore.getState().select([]);
    h.playhead.set(0);
    h.projectStore.getState().load(p);
  });
  await page.waitForFunction((n) => {
    const h = (globalThis as any).__previs;
    const st = h.instancing?.stats();
    return n === 0 ? true : st && st.instances >= n;
  }, props);
  // a few real frames so React has mounted everything and the shaders are compiled
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r())))));
}

/** Sets the viewport's switches to the old or the new path, and the camera to the bench's starting view. */
async function usePath(page: Page, path: Path): Promise<void> {
  await page.evaluate((path) => {
    const h = (globalThis as any).__previs;
    const on = path !== 'old';
    Object.assign(h.viewportQuality, { cull: on, lod: on, reuseShadows: on, adaptiveResolution: on, batch: path === 'new' || path === 'drawn', keepFrame: path === 'new' });
    const st = h.viewport.get();
    st.camera.position.set(26, 16, 36);
    st.camera.lookAt(0, 0, 0);
  }, path);
}

/** Runs `n` frames of the viewport loop by hand, still or orbiting the set's centre, and times each. */
async function frames(page: Page, motion: Motion, n: number): Promise<Sample> {
  const run = (count: number) =>
    page.evaluate(
      async ([motion, count]) => {
        const h = (globalThis as any).__previs;
        const st0 = h.viewport.get();
        st0.setFrameloop('never');
        const ctx = st0.gl.getContext() as WebGL2RenderingContext;
        const px = new Uint8Array(4);
        const wall: number[] = [];
        let redraws = 0;
        let angle = Math.atan2(36, 26);
        const radius = Math.hypot(26, 36);
        const frame = () => {
          const st = h.viewport.get();
          if (motion === 'orbit') {
            angle += (2 * Math.PI) / 180; // 2° a frame: a brisk orbit
            st.camera.position.set(Math.cos(angle) * radius, 16, Math.sin(angle) * radius);
            st.camera.lookAt(0, 0, 0);
          }
          const r0 = h.viewportPerformance.shadowRedraws;
          const t0 = performance.now();
          st.advance(performance.now());
          ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
          wall.push(performance.now() - t0);
          redraws += h.viewportPerformance.shadowRedraws - r0;
        };
        if (motion === 'still') {
          // settle: the resolution comes back once the camera has rested
          for (let i = 0; i < 3; i++) frame();
          await new Promise((r) => setTimeout(r, Math.max(h.viewportQuality.restMs, h.viewportQuality.settleMs) + 50));
          frame();
          // a view that keeps its frames: until the first kept one (the cells baked, the maps redrawn)
          const k0 = h.viewportPerformance.keptFrames;
          for (let i = 0; i < 40 && h.viewportQuality.keepFrame && h.viewportPerformance.keptFrames === k0; i++) frame();
          wall.length = 0;
          redraws = 0;
        } else frame();
        wall.length = 0;
        redraws = 0;
        for (let i = 0; i < count; i++) frame();
        const st = h.viewport.get();
        const info = st.gl.info.render;
        return { wall, calls: info.calls as number, triangles: info.triangles as number, redraws, pixelRatio: st.viewport.dpr as number };
      },
      [motion, count] as const,
    );
  // warm-up (not counted, not timed): programs for a new mix of meshes compile on first use
  await run(2);
  const c0 = browserCpuSeconds();
  const r = await run(n);
  const cpu = ((browserCpuSeconds() - c0) * 1000) / n;
  return { wall: median(r.wall), cpu, calls: r.calls, triangles: r.triangles, shadowRedraws: r.redraws / n, pixelRatio: r.pixelRatio };
}

/** The parts of one new-path frame of the loaded set, camera still, each timed as the median of n. */
async function breakdown(page: Page, n: number) {
  return page.evaluate((n) => {
    const h = (globalThis as any).__previs;
    const st = h.viewport.get();
    const { gl, scene, camera } = st;
    const ctx = gl.getContext() as WebGL2RenderingContext;
    const px = new Uint8Array(4);
    const med = (fn: () => void) => {
      const t: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        fn();
        t.push(performance.now() - t0);
      }
      t.sort((a, b) => a - b);
      return t[Math.floor(t.length / 2)]!;
    };
    const sm = gl.shadowMap;
    const layers = camera.layers.mask;
    // the three renders interleaved, each part the median of its per-round difference: a busy neighbour
    // slows a whole round, not one variant of it
    const time = (fn: () => void) => {
      const t0 = performance.now();
      fn();
      ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
      return performance.now() - t0;
    };
    sm.autoUpdate = false;
    sm.needsUpdate = true;
    gl.render(scene, camera);
    const cam: number[] = [];
    const shadowD: number[] = [];
    const overlayD: number[] = [];
    // the camera pass with the static cells off (the same members as instances), and both through a 1×1
    // scissor: what is left is the geometry side of the pass (vertices, instances, triangle set-up)
    const camInst: number[] = [];
    const geoCells: number[] = [];
    const geoInst: number[] = [];
    const q = h.viewportQuality;
    const sync = () => ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, px);
    const cellsOff = (off: boolean) => {
      // the switch rebuilds or releases every cell at the next render: do that render untimed
      q.batch = !off;
      camera.layers.set(0);
      gl.render(scene, camera);
      sync();
    };
    const scissored = () =>
      time(() => {
        gl.setScissorTest(true);
        gl.setScissor(0, 0, 1, 1);
        gl.render(scene, camera);
        gl.setScissorTest(false);
      });
    for (let i = 0; i < n; i++) {
      cellsOff(true);
      camInst.push(time(() => gl.render(scene, camera)));
      geoInst.push(scissored());
      cellsOff(false);
      geoCells.push(scissored());
      // the picture without editor overlays (layer 0), shadow maps reused; then redrawn; then with overlays
      camera.layers.set(0);
      const c = time(() => gl.render(scene, camera));
      const s = time(() => {
        sm.needsUpdate = true;
        gl.render(scene, camera);
      });
      camera.layers.mask = layers;
      const o = time(() => gl.render(scene, camera));
      cam.push(c);
      shadowD.push(s - c);
      overlayD.push(o - c);
    }
    // does the rasteriser spare fragments that fail the depth test (an early depth test)? Eight lit planes
    // stacked in front of a camera, drawn nearest first and then farthest first, and one alone: with early
    // testing the nearest-first stack costs about one plane, without it eight, whatever the order
    const mid = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    const ground = scene.getObjectByName('ground') as (import('three').Mesh & { material: import('three').Material }) | undefined;
    const overdraw = { near: NaN, far: NaN, one: NaN };
    if (ground) {
      const stack = new (scene.constructor as new () => import('three').Scene)();
      scene.traverse((o: { isHemisphereLight?: boolean }) => {
        if (o.isHemisphereLight) stack.add((o as unknown as import('three').Object3D).clone());
      });
      const planes = Array.from({ length: 8 }, (_, i) => {
        const m = ground.clone();
        m.material = ground.material.clone();
        m.rotation.set(0, 0, 0);
        m.position.set(0, 0, -i);
        stack.add(m);
        return m;
      });
      const eye = camera.clone() as import('three').PerspectiveCamera;
      eye.position.set(0, 0, 10);
      eye.lookAt(0, 0, 0);
      eye.updateMatrixWorld();
      const order = (nearFirst: boolean) => planes.forEach((p, i) => (p.renderOrder = nearFirst ? i : -i));
      const near: number[] = [];
      const far: number[] = [];
      const one: number[] = [];
      for (let i = 0; i < n; i++) {
        order(true);
        near.push(time(() => gl.render(stack, eye)));
        order(false);
        far.push(time(() => gl.render(stack, eye)));
        planes.forEach((p, k) => (p.visible = k === 0));
        one.push(time(() => gl.render(stack, eye)));
        planes.forEach((p) => (p.visible = true));
      }
      Object.assign(overdraw, { near: mid(near), far: mid(far), one: mid(one) });
      planes.forEach((p) => (p.material as import('three').Material).dispose());
    }
    const camPass = mid(cam);
    const withShadow = camPass + mid(shadowD);
    const withOverlays = camPass + mid(overlayD);
    // the pool's per-render work on its own (culling, level of detail, buffer layout)
    const prepare = med(() => h.instancing.prepare(gl, scene, camera));
    // one pointer move: R3F raycasts every object with a handler
    const rc = st.raycaster;
    const picking = med(() => {
      rc.setFromCamera({ x: 0.1, y: -0.1 }, camera);
      const hits: unknown[] = [];
      for (const o of st.internal.interaction) rc.intersectObject(o, true, hits);
    });
    // the viewport's frame callbacks (timeline evaluation and everything else but the render), with the
    // playhead on a new frame each time so the timeline is evaluated and applied
    let f = 0;
    // (priority 0 only: a positive priority is the render itself, timed above)
    const subscribers = (st.internal.subscribers as { priority: number; ref: { current: (s: unknown, d: number) => void } }[]).filter((s) => s.priority <= 0);
    const evaluate = med(() => {
      h.playhead.frame = ++f % 48;
      for (const s of subscribers) s.ref.current(st, 1 / 24);
    });
    h.playhead.frame = 0;
    const info = gl.info.render;
    return { overdraw, camInst: mid(camInst), geoCells: mid(geoCells), geoInst: mid(geoInst), camPass, shadowPass: Math.max(0, withShadow - camPass), overlays: Math.max(0, withOverlays - camPass), prepare, picking, evaluate, pool: { ...h.instancing.last }, calls: info.calls as number };
  }, n);
}

/**
 * A fixed CPU job on two threads of this Node process (as an ONNX run uses two), beside the app, which idles
 * over the big set with its real frame loop: once while the view keeps its frames, once while it draws every
 * frame (alternating). On a machine of few cores the drawing takes cores the job could have had.
 */
async function besideWork(page: Page, rounds: number): Promise<{ kept: number; drawn: number }> {
  const loop = `let x = 1; for (let i = 0; i < 1e8; i++) x = (x * 1103515245 + 12345) % 2147483648; require('node:worker_threads').parentPort.postMessage(x);`;
  const job = async () => {
    const t0 = performance.now();
    await Promise.all(
      [0, 1].map(
        () =>
          new Promise<void>((done, fail) => {
            const w = new Worker(loop, { eval: true });
            w.once('message', () => void w.terminate().then(() => done()));
            w.once('error', fail);
          }),
      ),
    );
    return performance.now() - t0;
  };
  const kept: number[] = [];
  const drawn: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const keep of [true, false]) {
      await page.evaluate((keep) => {
        const h = (globalThis as any).__previs;
        h.viewportQuality.keepFrame = keep;
        h.viewport.get().setFrameloop('always');
      }, keep);
      // let the loop settle into its rhythm (kept: the frames stop being drawn)
      await new Promise((res) => setTimeout(res, 600));
      (keep ? kept : drawn).push(await job());
    }
  }
  await page.evaluate(() => ((globalThis as any).__previs.viewportQuality.keepFrame = true));
  return { kept: median(kept), drawn: median(drawn) };
}

export default async function viewportBench(ctx: BenchContext): Promise<BenchRow[]> {
  const app = await openApp({ viewport: { width: 1280, height: 720 } });
  const baseDist = process.env.PREVIS_BENCH_BASE;
  const base = baseDist ? await openApp({ viewport: { width: 1280, height: 720 }, dist: baseDist }) : null;
  const n = ctx.quick ? 6 : 12;
  const rounds = ctx.quick ? 1 : 5;
  const variants = [
    ['old', 'still'],
    ['old', 'orbit'],
    ['instanced', 'still'],
    ['instanced', 'orbit'],
    ['drawn', 'still'],
    ['new', 'still'],
    ['new', 'orbit'],
  ] as const;
  const key = (scene: string, p: Path, m: Motion) => `${scene}|${p}|${m}`;
  const samples = new Map<string, Sample[]>();
  const put = (k: string, s: Sample) => samples.set(k, [...(samples.get(k) ?? []), s]);
  let parts: Awaited<ReturnType<typeof breakdown>> | null = null;
  let beside: Awaited<ReturnType<typeof besideWork>> | null = null;
  try {
    for (let r = 0; r < rounds; r++) {
      for (const [scene, props, actors] of [
        ['empty', 0, 0],
        ['full', 1000, 20],
      ] as const) {
        await load(app.page, props, actors);
        for (const [p, m] of variants) {
          await usePath(app.page, p);
          put(key(scene, p, m), await frames(app.page, m, n));
        }
        if (base) {
          await load(base.page, props, actors);
          for (const m of ['still', 'orbit'] as const) {
            await usePath(base.page, 'new');
            put(key(scene, 'base', m), await frames(base.page, m, n));
          }
        }
        if (scene === 'full' && r === rounds - 1) {
          await usePath(app.page, 'new');
          await frames(app.page, 'still', 2);
          parts = await breakdown(app.page, n);
          beside = await besideWork(app.page, ctx.quick ? 1 : 3);
        }
      }
    }
  } finally {
    await app.close();
    await base?.close();
  }

  const rows: BenchRow[] = [];
  const note = `SwiftShader WebGL2, 1280×720, frames driven by hand and read back, median of ${rounds} alternating round(s)`;
  for (const m of ['still', 'orbit'] as const) {
    // the paths this motion measures, and the empty scene each is compared with: a drawn frame with the empty
    // scene drawn, a kept one with the empty scene kept (orbiting, every path draws)
    const paths = m === 'still' ? (['old', 'instanced', 'drawn', 'new'] as const) : (['old', 'instanced', 'new'] as const);
    const refPath = (p: Path): Path => (m === 'still' && p !== 'new' ? 'drawn' : 'new');
    const emptyOf = (p: Path) => samples.get(key('empty', refPath(p), m))!;
    const vsKept = (p: Path) => m === 'still' && refPath(p) === 'new';
    // the goal is the draw's: a still view drawn every frame, an orbit (a kept frame is reported beside it)
    const goalOf = (p: Path) => (m === 'still' ? (p === 'drawn' ? '≤ 2×' : undefined) : p === 'new' ? '≤ 3×' : undefined);
    const empty = emptyOf('drawn');
    const emptyStill = samples.get(key('empty', 'drawn', 'still'))!;
    const emptyOld = samples.get(key('empty', 'old', m))!;
    rows.push({ variant: `empty scene, ${m}`, metric: 'frame (wall, synced)', value: median(empty.map((s) => s.wall)), unit: 'ms', ratio: 1, note: `${m === 'still' ? `${note}; every frame drawn; ` : ''}old path: ${median(emptyOld.map((s) => s.wall)).toFixed(1)} ms` });
    if (m === 'still') {
      const kept = emptyOf('new');
      rows.push({ variant: 'empty scene, still, frames kept', metric: 'frame (wall, synced)', value: median(kept.map((s) => s.wall)), unit: 'ms', ratio: median(kept.map((s, i) => s.wall / empty[i]!.wall)), note: 'nothing changes: the last frame stays on screen; ratio vs the drawn empty scene' });
      const full = samples.get(key('full', 'new', m))!;
      rows.push({ variant: '1,000 props + 20 actors, new path, still, vs a drawn empty frame', metric: 'frame (wall, synced)', value: median(full.map((s) => s.wall)), unit: 'ms', ratio: median(full.map((s, i) => s.wall / empty[i]!.wall)), note: 'the kept frame (checking that nothing changed) against the empty scene drawn: what a still view of the big set costs now, against what an empty one cost before' });
    }
    for (const p of paths) {
      const full = samples.get(key('full', p, m))!;
      const ref = emptyOf(p);
      const vsStill = m === 'orbit' ? `; ${median(full.map((s, i) => s.wall / emptyStill[i]!.wall)).toFixed(2)}× the empty scene still` : '';
      const what = p === 'instanced' ? 'new path with static cells off, every frame drawn; ' : p === 'drawn' ? 'new path, every frame drawn; ' : p === 'new' && m === 'still' ? 'nothing changes, the frame is kept; ' : '';
      rows.push({
        variant: `1,000 props + 20 actors, ${p} path, ${m}`,
        metric: 'frame (wall, synced)',
        value: median(full.map((s) => s.wall)),
        unit: 'ms',
        ratio: median(full.map((s, i) => s.wall / ref[i]!.wall)),
        goal: goalOf(p),
        note: `${what}vs the empty scene ${m}, ${vsKept(p) ? 'frames kept' : 'new path'}${vsStill}; ${full[0]!.calls} draw calls, ${Math.round(median(full.map((s) => s.triangles)) / 1000)}k triangles, shadow redraws ${median(full.map((s) => s.shadowRedraws)).toFixed(2)}/frame, pixel ratio ${full[full.length - 1]!.pixelRatio}`,
      });
    }
    if (base) {
      const full = samples.get(key('full', 'base', m))!;
      const own = samples.get(key('empty', 'base', m))!;
      rows.push({
        variant: `1,000 props + 20 actors, baseline build's new path, ${m}`,
        metric: 'frame (wall, synced)',
        value: median(full.map((s) => s.wall)),
        unit: 'ms',
        ratio: median(full.map((s, i) => s.wall / own[i]!.wall)),
        note: `${baseDist} in a second browser, same rounds; vs its own empty scene ${m} (${median(own.map((s) => s.wall)).toFixed(1)} ms); ${full[0]!.calls} draw calls, ${Math.round(median(full.map((s) => s.triangles)) / 1000)}k triangles, pixel ratio ${full[full.length - 1]!.pixelRatio}`,
      });
    }
    rows.push({ variant: `empty scene, ${m}`, metric: 'browser CPU per frame', value: median(empty.map((s) => s.cpu)), unit: 'ms', ratio: 1, note: m === 'still' ? 'every frame drawn' : undefined });
    for (const p of paths) {
      const full = samples.get(key('full', p, m))!;
      const ref = emptyOf(p);
      rows.push({ variant: `1,000 props + 20 actors, ${p} path, ${m}`, metric: 'browser CPU per frame', value: median(full.map((s) => s.cpu)), unit: 'ms', ratio: median(full.map((s, i) => s.cpu / ref[i]!.cpu)), goal: goalOf(p), note: `all threads of all browser processes${vsKept(p) ? '; vs the empty scene with frames kept' : ''}` });
    }
  }
  if (beside) {
    rows.push({ variant: 'a CPU job beside the idle app, view drawing every frame', metric: 'job time', value: beside.drawn, unit: 'ms', ratio: 1, note: 'the big set, camera still, real frame loop; a fixed loop on two threads of the bench process' });
    rows.push({ variant: 'a CPU job beside the idle app, view keeping its frame', metric: 'job time', value: beside.kept, unit: 'ms', ratio: beside.kept / beside.drawn, note: 'the same job while the view keeps its last frame' });
  }
  if (parts) {
    const frame = parts.camPass + parts.shadowPass + parts.overlays + parts.picking + parts.evaluate;
    const part = (variant: string, value: number, note: string) => rows.push({ variant: `frame breakdown: ${variant}`, metric: 'median', value, unit: 'ms', ratio: value / frame, note });
    part('camera pass', parts.camPass, `layer 0, shadow maps reused; ${parts.pool.baked} of ${parts.pool.members} members baked into ${parts.pool.cells} cells (${parts.pool.cellsSeen} seen, ${parts.pool.cellsSimplified} of them with ${parts.pool.cellMembersSimplified} members simplified; ${parts.pool.cellMembersCulled ?? 0} members of cells on the view's edge left out); ${parts.pool.cameraInstances} instances seen, ${parts.pool.lodInstances} simplified`);
    part('camera pass, static cells off', parts.camInst, 'the same members drawn as instances (the new path before static cells)');
    part('camera pass, geometry side', parts.geoCells, `through a 1×1 scissor (no fragments): vertices, triangle set-up; ${parts.geoInst.toFixed(1)} ms with the static cells off`);
    part('8 stacked planes, nearest first', parts.overdraw.near, `full-screen lit planes (the ground's material): farthest first ${parts.overdraw.far.toFixed(1)} ms, one plane ${parts.overdraw.one.toFixed(1)} ms; nearest first costs ${(parts.overdraw.near / parts.overdraw.one).toFixed(1)} planes (about 1 where the rasteriser tests depth before shading, 8 where it shades every fragment)`);
    part('shadow pass', parts.shadowPass, `when a caster or the sun moves (else reused); ${parts.pool.shadowInstances} instances drawn into it`);
    part('editor overlays', parts.overlays, 'layer 1: gizmos, camera bodies, paths');
    part('picking', parts.picking, 'one pointer move: raycast of every clickable object');
    part('JS evaluate', parts.evaluate, 'frame callbacks with the playhead on a new frame (timeline evaluated and applied)');
    part('  of which pool culling', parts.prepare, 'per-instance frustum tests, level of detail, buffer layout (inside the camera pass)');
  }
  return rows;
}
