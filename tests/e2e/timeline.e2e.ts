// Timeline, shots and animatic end to end, on the demo street set:
// key a 48-frame camera dolly through the UI, play it (every-frame mode) and check the live camera against
// the pure evaluation at frames 0, 24 and 47; prove playback re-renders no React; then export the animatic,
// read the real file back with ffprobe/ffmpeg (container, codec, frames, duration, fps) and compare a
// decoded frame with the look-through viewport's render of the same frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { openApp, inApp, type App } from './harness';
import { evaluateScene } from '../../src/core/timeline';
import type { Project } from '../../src/core/document';

const OUT = resolve('.tmp/e2e-timeline');
const CAM = 'cam_a';
/** mean absolute difference per channel (0–255) allowed between the decoded animatic frame and the viewport */
const PIXEL_THRESHOLD = 12;
const DOLLY_END: [number, number, number] = [0.5, 1.65, 4.3];

let app: App;
beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  app = await openApp({ viewport: { width: 1100, height: 760 } });
});
afterAll(async () => {
  await app?.close();
});

const project = () => inApp(app.page, (h) => h.projectStore.getState().project) as Promise<Project>;
const sceneId = () => inApp(app.page, (h) => h.projectStore.getState().activeSceneId as string);
const undoLabels = () => inApp(app.page, (h) => h.projectStore.getState().history.past.map((s: { label: string }) => s.label) as string[]);
const seek = (f: number) => app.page.evaluate((f) => (globalThis as any).__previs.timeline.transport.seek(f), f);
const waitApplied = (f: number) =>
  app.page.waitForFunction((f) => (globalThis as any).__previs.animation.lastFrame === f, f, { timeout: 20_000 });

function trackKeys(p: Project, sid: string, property: string) {
  return Object.values(p.scenes[sid]!.tracks).find((t) => t.targetId === CAM && t.property === property)?.keys ?? [];
}

describe('timeline', () => {
  it('keys a camera dolly over 48 frames through the dope sheet; each key edit is one undo step', async () => {
    const { page } = app;
    // the demo's camera A already pushes in over shot 1 with a focus pull (trk_cam_a_dolly, trk_cam_a_focus);
    // this test keys its own dolly from an unkeyed camera, so those tracks go first (camera A then stands on
    // its frame-0 mark, and the dope sheet shows only the keys made here)
    await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      const st = h.projectStore.getState();
      const sid = st.activeSceneId as string;
      st.execute('Remove demo dolly', (p: any) => {
        const { trk_cam_a_dolly: _dolly, trk_cam_a_focus: _focus, ...tracks } = p.scenes[sid].tracks;
        return { ...p, scenes: { ...p.scenes, [sid]: { ...p.scenes[sid], tracks } } };
      });
    });
    const left = Object.values((await project()).scenes[await sceneId()]!.tracks).filter((t) => t.targetId === CAM);
    expect(left).toEqual([]);
    await page.evaluate((id) => (globalThis as any).__previs.editorStore.getState().select([id]), CAM);
    await page.locator('[data-panel=timeline]').click();
    await seek(0);
    const before = (await undoLabels()).length;
    await page.getByTestId('key-transform.position').click();
    let labels = await undoLabels();
    expect(labels.length).toBe(before + 1);
    expect(labels.at(-1)).toBe('Set key');

    // the end key: the value a gizmo drag would commit (auto-key), set through the same store edit
    const sid = await sceneId();
    await page.evaluate(
      ([sid, cam, end]) => {
        const h = (globalThis as any).__previs;
        h.projectStore.getState().execute('Set key', h.timeline.setKey(sid, cam, 'transform.position', { frame: 47, value: end, interp: 'linear' }));
      },
      [sid, CAM, DOLLY_END] as const,
    );

    // the first key: pick it in the dope sheet and make it linear (one step). Keys are looked up in the
    // position lane: the demo's focus pull has keys on camera A too
    const posTrack = Object.values((await project()).scenes[sid]!.tracks).find((t) => t.targetId === CAM && t.property === 'transform.position')!.id;
    const posLane = page.locator(`.dope-lane[data-track="${posTrack}"]`);
    const key0 = posLane.locator('.dope-key[data-frame="0"]');
    await key0.click();
    await page.getByTestId('key-details').waitFor();
    await page.getByLabel('Interpolation').selectOption('linear');
    let p = await project();
    expect(trackKeys(p, sid, 'transform.position').map((k) => [k.frame, k.interp])).toEqual([[0, 'linear'], [47, 'linear']]);

    // move the end key by dragging it, then undo the move: one step each way
    const key47 = posLane.locator('.dope-key[data-frame="47"]');
    const box = (await key47.boundingBox())!;
    const lane = (await page.locator('.dope-lane.ruler').boundingBox())!;
    const pxPerFrame = lane.width / 240;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + box.width / 2 + i * 2 * pxPerFrame, box.y + box.height / 2);
    await page.mouse.up();
    p = await project();
    const moved = trackKeys(p, sid, 'transform.position').map((k) => k.frame);
    expect(moved[1]).toBeGreaterThan(47);
    labels = await undoLabels();
    expect(labels.at(-1)).toBe('Move key');
    await page.keyboard.press('Control+z');
    p = await project();
    expect(trackKeys(p, sid, 'transform.position').map((k) => k.frame)).toEqual([0, 47]);

    // add a stray key at 30 with ◆ and delete it with the Delete key (one step each)
    await seek(30);
    await page.locator('.dope-label', { hasText: 'Position' }).getByTitle('Key the current value at the playhead').click();
    const stray = posLane.locator('.dope-key[data-frame="30"]');
    await stray.click();
    await stray.press('Delete');
    p = await project();
    expect(trackKeys(p, sid, 'transform.position').map((k) => k.frame)).toEqual([0, 47]);
    labels = await undoLabels();
    expect(labels.slice(-2)).toEqual(['Set key', 'Delete key']);
    // the camera itself is still there (Delete on a key never deletes the selected object)
    expect(p.scenes[sid]!.objects[CAM]).toBeTruthy();
  });

  it('plays at the project rate, and the live camera follows the evaluated curve at frames 0, 24 and 47', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const t = (globalThis as any).__previs.timeline.transport;
      t.setRange({ in: 0, out: 48 });
      t.setLoop(false);
      t.setEveryFrame(true);
      t.seek(0);
    });
    await waitApplied(0);
    // record (frame applied, live camera position) pairs from the rendered scene graph
    await page.evaluate((cam) => {
      const h = (globalThis as any).__previs;
      const samples: Record<number, { pos: number[]; t: number }> = {};
      (globalThis as any).__samples = samples;
      const loop = () => {
        const f = h.animation.lastFrame as number;
        const o = h.viewport.get().scene.getObjectByName(cam);
        if (o && !(f in samples)) samples[f] = { pos: o.position.toArray(), t: performance.now() };
        if ((globalThis as any).__recording) requestAnimationFrame(loop);
      };
      (globalThis as any).__recording = true;
      requestAnimationFrame(loop);
    }, CAM);
    const rendersBefore = await inApp(page, (h) => ({ dope: h.animation.dopeSheetRenders, driver: h.animation.driverRenders }));
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    // every-frame playback shows all 48 frames however slow the software renderer is here
    await page.waitForFunction(() => (globalThis as any).__previs.playhead.frame === 47 && !(globalThis as any).__previs.playhead.playing, undefined, {
      timeout: 280_000,
    });
    await waitApplied(47);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const samples = await page.evaluate(() => {
      (globalThis as any).__recording = false;
      return (globalThis as any).__samples as Record<number, { pos: number[]; t: number }>;
    });
    const rendersAfter = await inApp(page, (h) => ({ dope: h.animation.dopeSheetRenders, driver: h.animation.driverRenders }));
    // no React re-render of the dope sheet or the viewport driver for 48 frames of playback
    expect(rendersAfter.driver).toBe(rendersBefore.driver);
    expect(rendersAfter.dope - rendersBefore.dope).toBeLessThanOrEqual(1);

    const p = await project();
    const sid = await sceneId();
    for (const f of [0, 24, 47]) {
      expect(samples[f], `frame ${f} was shown`).toBeTruthy();
      const expected = evaluateScene(p, sid, f).objects[CAM]!.transform.position;
      samples[f]!.pos.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    }
    // the dolly really moved: 4.7 m over the shot, half-way at 24
    expect(samples[24]!.pos[2]).toBeCloseTo(9 - (4.7 * 24) / 47, 5);
    // every frame was shown in order, at no more than the project rate (24 fps → 47 frames ≥ 1.9 s)
    const shown = Object.keys(samples).map(Number).filter((f) => f >= 0 && f <= 47);
    expect(shown.length).toBe(48);
    const seconds = (samples[47]!.t - samples[0]!.t) / 1000;
    expect(seconds).toBeGreaterThan(47 / 24 - 0.1);
    console.log(`[timeline] 47 frames played in ${seconds.toFixed(2)} s (real time 1.96 s at 24 fps)`);

    // J/K/L shuttle and frame stepping from the keyboard
    await page.evaluate(() => {
      const t = (globalThis as any).__previs.timeline.transport;
      t.setRange(null);
      t.setLoop(true);
      t.setEveryFrame(false);
      t.seek(100);
    });
    const state = () => page.evaluate(() => (globalThis as any).__previs.timeline.transport.getState() as { playing: boolean; rate: number });
    await page.keyboard.press('l');
    expect(await state()).toMatchObject({ playing: true, rate: 1 });
    await page.keyboard.press('l');
    expect(await state()).toMatchObject({ playing: true, rate: 2 });
    await page.keyboard.press('j');
    expect(await state()).toMatchObject({ playing: true, rate: -1 });
    await page.keyboard.press('k');
    expect(await state()).toMatchObject({ playing: false });
    await seek(100);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => (globalThis as any).__previs.playhead.frame)).toBe(110);
    await page.evaluate(() => (globalThis as any).__previs.timeline.transport.seek(47));
  }, 320_000);

  it('cancels an animatic export from the shots panel', async () => {
    const { page } = app;
    await page.locator('[data-panel=shots]').click();
    await page.getByTestId('export-animatic').click();
    await page.getByTestId('export-progress').waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => /render [0-9]+\//.test(document.querySelector('[data-testid=export-progress]')?.textContent ?? ''), undefined, {
      timeout: 200_000,
    });
    // a plain DOM click: the page renders 1080p frames between events, so no waiting for "stable" layout
    await page.getByTestId('export-cancel').dispatchEvent('click');
    await page.getByTestId('export-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await expect(page.locator('.notice').filter({ hasText: 'Animatic: cancelled' }).count()).resolves.toBeGreaterThan(0);
    // the viewport is back at the playhead pose after the export posed the scene elsewhere
    const z = await page.evaluate((cam) => (globalThis as any).__previs.viewport.get().scene.getObjectByName(cam).position.z, CAM);
    expect(z).toBeCloseTo(DOLLY_END[2], 5);
  }, 400_000);

  it('exports the animatic: the real file parses and a decoded frame matches the viewport render', async () => {
    const { page } = app;
    const sid = await sceneId();
    // shot 1 of the demo, trimmed to the 48-frame dolly through the shot list's Out field
    const out = page.locator('[data-shot=shot_1]').getByLabel('Out', { exact: true });
    await out.fill('48', { timeout: 120_000 });
    await out.press('Enter', { timeout: 120_000 });
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return s.project.scenes[s.activeSceneId].shots.shot_1.out === 48;
    });
    const file = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const progress: number[] = [];
      const f = await h.animatic.renderAnimaticFile(h.projectStore.getState().project, { shotIds: ['shot_1'], width: 640, height: 360, burnIn: false }, {
        onProgress: (p: { encoded: number }) => progress.push(p.encoded),
      });
      let bin = '';
      for (let i = 0; i < f.bytes.length; i += 0x8000) bin += String.fromCharCode(...f.bytes.subarray(i, i + 0x8000));
      return { b64: btoa(bin), mime: f.mime, container: f.container, codec: f.codec, frames: f.frames, timings: f.timings, progress: progress.at(-1) };
    });
    expect(file.progress).toBe(48);
    const path = join(OUT, `animatic.${file.container}`);
    writeFileSync(path, Buffer.from(file.b64, 'base64'));
    const probe = JSON.parse(
      execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' }),
    );
    const v = probe.streams.find((s: { codec_type: string }) => s.codec_type === 'video');
    if (file.container === 'mp4') {
      expect(probe.format.format_name).toContain('mp4');
      expect(v.codec_name).toBe('h264');
    } else {
      expect(probe.format.format_name).toContain('webm');
      expect(v.codec_name).toBe('vp9');
    }
    expect(Number(v.nb_read_frames)).toBe(48);
    expect(v.width).toBe(640);
    expect(v.height).toBe(360);
    expect(v.r_frame_rate).toBe('24/1');
    expect(Number(probe.format.duration)).toBeCloseTo(2, 2);
    console.log(`[timeline] animatic ${file.container}/${file.codec}: 48 frames 640×360 in ${(file.timings.totalMs / 1000).toFixed(2)} s`);

    // decode frame 24 with ffmpeg; the delivery frame (2.39) sits letterboxed in the 16:9 picture
    const png = join(OUT, 'frame24.png');
    execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-y', '-i', path, '-vf', 'select=eq(n\\,24)', '-frames:v', '1', png]);
    const decodedUrl = `data:image/png;base64,${readFileSync(png).toString('base64')}`;

    // the viewport, looking through the shot camera at frame 24 (DOF preview off: the animatic has none)
    await page.evaluate((cam) => (globalThis as any).__previs.editorStore.getState().setViewMode('lookThrough', cam), CAM);
    await page.getByTestId('dof-preview').waitFor();
    if (await page.getByTestId('dof-preview').isChecked()) await page.getByTestId('dof-preview').uncheck();
    const compare = async (frame: number) => {
      await seek(frame);
      await waitApplied(frame);
      await page.waitForFunction(() => (globalThis as any).__previs.lookThrough.projection !== null);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      return page.evaluate(async (url) => {
        const h = (globalThis as any).__previs;
        const W = 320;
        const H = Math.round(W / 2.39);
        const grab = (src: CanvasImageSource, sx: number, sy: number, sw: number, sh: number) => {
          const c = document.createElement('canvas');
          c.width = W;
          c.height = H;
          const g = c.getContext('2d')!;
          g.imageSmoothingQuality = 'high';
          g.drawImage(src, sx, sy, sw, sh, 0, 0, W, H);
          return g.getImageData(0, 0, W, H).data;
        };
        const view = document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement;
        const fr = h.lookThrough.projection.frame;
        const a = grab(view, fr.x * view.width, fr.y * view.height, fr.width * view.width, fr.height * view.height);
        const img = new Image();
        img.src = url;
        await img.decode();
        // frameRectPx(2.39, 640, 360): full width, 268 rows centred
        const fh = Math.round(640 / 2.39);
        const b = grab(img, 0, Math.floor((360 - fh) / 2), 640, fh);
        let sum = 0;
        let n = 0;
        for (let i = 0; i < a.length; i += 4) {
          sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
          n += 3;
        }
        return sum / n;
      }, decodedUrl);
    };
    const same = await compare(24);
    const other = await compare(0);
    console.log(`[timeline] mean abs pixel difference, decoded frame 24 vs viewport: frame 24 ${same.toFixed(2)}, frame 0 ${other.toFixed(2)}`);
    expect(same).toBeLessThan(PIXEL_THRESHOLD);
    // and the measure can tell frames apart: the viewport at frame 0 (1.4 m further back) is further off
    expect(other).toBeGreaterThan(same * 1.5);
  }, 500_000);

  it('writes 23.976 as 24000/1001 in the file', async () => {
    const { page } = app;
    await page.evaluate(() => {
      const h = (globalThis as any).__previs;
      h.editorStore.getState().setViewMode('perspective');
    });
    await page.locator('[data-panel=timeline]').click({ timeout: 120_000 });
    await page.getByTestId('fps').selectOption('23.976', { timeout: 120_000 });
    const file = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const p = s.project;
      const scene = p.scenes[s.activeSceneId];
      const shot = { ...scene.shots.shot_1, out: 12 };
      const q = { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...scene, shots: { shot_1: shot }, shotOrder: ['shot_1'] } } };
      const f = await h.animatic.renderAnimaticFile(q, { width: 320, height: 180, burnIn: true });
      let bin = '';
      for (let i = 0; i < f.bytes.length; i += 0x8000) bin += String.fromCharCode(...f.bytes.subarray(i, i + 0x8000));
      return { b64: btoa(bin), container: f.container };
    });
    const path = join(OUT, `ntsc.${file.container}`);
    writeFileSync(path, Buffer.from(file.b64, 'base64'));
    const probe = JSON.parse(execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' }));
    const v = probe.streams[0];
    expect(v.r_frame_rate).toBe('24000/1001');
    expect(Number(v.nb_read_frames)).toBe(12);
    expect(Number(probe.format.duration)).toBeCloseTo((12 * 1001) / 24000, 2);
  }, 300_000);

  it('falls back to WebM/VP9 when asked (as where H.264 cannot be encoded)', async () => {
    const { page } = app;
    const file = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const f = await h.animatic.renderAnimaticFile(s.project, { shotIds: ['shot_1'], width: 320, height: 180, prefer: 'vp9' });
      let bin = '';
      for (let i = 0; i < f.bytes.length; i += 0x8000) bin += String.fromCharCode(...f.bytes.subarray(i, i + 0x8000));
      return { b64: btoa(bin), container: f.container, codec: f.codec, mime: f.mime };
    });
    expect(file).toMatchObject({ container: 'webm', codec: 'vp9', mime: 'video/webm' });
    const path = join(OUT, 'fallback.webm');
    writeFileSync(path, Buffer.from(file.b64, 'base64'));
    const probe = JSON.parse(execFileSync('/usr/bin/ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', path], { encoding: 'utf8' }));
    expect(probe.format.format_name).toContain('webm');
    expect(probe.streams[0].codec_name).toBe('vp9');
    expect(Number(probe.streams[0].nb_read_frames)).toBe(48);
  }, 300_000);

  it('exports storyboard sheets (PNG per panel + printable HTML) and OTIO from the shots panel', async () => {
    const { page } = app;
    await page.locator('[data-panel=shots]').click({ timeout: 120_000 });
    const lastName = () => page.evaluate(() => (globalThis as any).__previs.lastExport.file?.name as string | undefined);
    await page.getByTestId('export-storyboard').dispatchEvent('click');
    await page.waitForFunction(() => /storyboard\.zip$/.test((globalThis as any).__previs.lastExport.file?.name ?? ''), undefined, { timeout: 240_000 });
    expect(await lastName()).toMatch(/_storyboard\.zip$/);
    const zipB64 = await page.evaluate(() => {
      const b: Uint8Array = (globalThis as any).__previs.lastExport.file.bytes;
      let bin = '';
      for (let i = 0; i < b.length; i += 0x8000) bin += String.fromCharCode(...b.subarray(i, i + 0x8000));
      return btoa(bin);
    });
    const files = unzipSync(new Uint8Array(Buffer.from(zipB64, 'base64')));
    const pngs = Object.keys(files).filter((n) => n.endsWith('.png')).sort();
    expect(pngs).toEqual(['panels/shot_1_take1.png', 'panels/shot_2_take1.png']);
    for (const n of pngs) {
      const b = files[n]!;
      expect([...b.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // IHDR: 1280 wide, 2.39 delivery frame → 536 high
      const dv = new DataView(b.buffer, b.byteOffset);
      expect([dv.getUint32(16), dv.getUint32(20)]).toEqual([1280, 536]);
    }
    const html = strFromU8(files['storyboard.html']!);
    expect(html.match(/<figure class="panel">/g)).toHaveLength(2);
    expect(html).toContain('Establish the street');
    expect(html).toMatch(/Lens 32 mm/);

    await page.getByTestId('export-otio').dispatchEvent('click');
    await page.waitForFunction(() => /\.otio$/.test((globalThis as any).__previs.lastExport.file?.name ?? ''), undefined, { timeout: 60_000 });
    const otio = JSON.parse(await page.evaluate(() => new TextDecoder().decode((globalThis as any).__previs.lastExport.file.bytes)));
    expect(otio.OTIO_SCHEMA).toBe('Timeline.1');
    const clips = otio.tracks.children[0].children;
    expect(clips).toHaveLength(2);
    expect(clips[0].source_range.duration).toEqual({ OTIO_SCHEMA: 'RationalTime.1', rate: 24000 / 1001, value: 48 });
    expect(clips[0].metadata.previs.lens.focal_length_mm).toBe(32);
  }, 400_000);

  it('never requests anything outside its own origin', () => {
    const foreign = app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
