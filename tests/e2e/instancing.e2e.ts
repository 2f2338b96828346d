// Set pieces and mannequins draw through shared InstancedMeshes (and, once they rest, through baked static
// cells), yet each stays its own object: a click on a baked box selects that box (shift adds), the
// highlight shows on it, and stills rendered through a shot camera see the instances where the timeline
// puts them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, canvasPixels, nextFrames, type App } from './harness';

let app: App;
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1280, height: 800 } });
  await app.page.evaluate(() => {
    const h = (globalThis as any).__previs;
    const st = h.projectStore.getState();
    const p = st.project;
    const sid = st.activeSceneId;
    const base = { parentId: null, visible: true, locked: false };
    const identity = { rotation: [0, 0, 0], scale: [1, 1, 1] };
    const objects: Record<string, unknown> = {};
    // a crowd of props behind the origin (the editor camera looks at the origin from +z)
    for (let i = 0; i < 200; i++) {
      const id = `prop_${i}`;
      objects[id] = { ...base, id, name: id, type: 'setPiece', shape: i % 4 === 0 ? 'cylinder' : 'box', size: [1, 1 + (i % 3) * 0.5, 1], colour: '#808080', transform: { position: [(i % 20) * 2 - 20, 0, -12 - Math.floor(i / 20) * 2], ...identity } };
    }
    objects.red = { ...base, id: 'red', name: 'Red crate', type: 'setPiece', shape: 'box', size: [2, 2, 2], colour: '#d02020', transform: { position: [0, 0, 0], ...identity } };
    objects.blue = { ...base, id: 'blue', name: 'Blue crate', type: 'setPiece', shape: 'box', size: [2, 2, 2], colour: '#2040d0', transform: { position: [-5, 0, 0], ...identity } };
    for (let i = 0; i < 4; i++) {
      const id = `actor_${i}`;
      objects[id] = { ...base, id, name: id, type: 'actor', build: 'male', heightCm: 180, pose: {}, posePreset: 'stand', lookAt: null, colour: '#c07050', transform: { position: [8 + i * 1.5, 0, 2], ...identity } };
    }
    objects.cam = {
      ...base,
      id: 'cam',
      name: 'A camera',
      type: 'camera',
      body: { sensorPresetId: null, sensorWidthMm: 36, sensorHeightMm: 24 },
      lens: { focalLengthMm: 85, kind: 'spherical', squeeze: 1, tStop: 2.8, focusDistanceM: 2, lensSetId: null },
      deliveryAspect: 16 / 9,
      backgroundPlateId: null,
      // far back, so its frustum lines in the editor view do not cross the crates
      transform: { position: [0, 1, 30], ...identity },
    };
    const scene = {
      ...p.scenes[sid],
      environment: { skyColour: '#203040', groundColour: '#404040', groundSize: 400 },
      objects,
      shots: { sh: { id: 'sh', number: '1', name: 'One', cameraId: 'cam', in: 0, out: 25, take: 1, size: null, angle: null, notes: '' } },
      shotOrder: ['sh'],
      // the red crate slides 4 m to the right over the shot
      tracks: { slide: { id: 'slide', targetId: 'red', property: 'transform.position', keys: [{ frame: 0, value: [0, 0, 0], interp: 'linear' }, { frame: 24, value: [4, 0, 0], interp: 'linear' }] } },
    };
    st.load({ ...p, scenes: { ...p.scenes, [sid]: scene } });
    h.editorStore.getState().select([]);
  });
  await app.page.evaluate(`globalThis.__partsPerActor = ${partsPerActor.toString()}`);
  await app.page.waitForFunction(() => {
    const h = (globalThis as any).__previs;
    return h.instancing?.stats().instances === 202 + 4 * (globalThis as any).__partsPerActor(h);
  });
  await nextFrames(app.page, 3);
});
afterAll(async () => {
  await app?.close();
});

/** Body parts of one mannequin (each an instance stand-in under the actor's node); 0 until it is drawn. */
function partsPerActor(h: any): number {
  let n = 0;
  h.viewport.get().scene.getObjectByName('actor_0')?.traverse((o: any) => (n += o.isInstanceStandIn ? 1 : 0));
  return n;
}

/** Page coordinates of a crate's centre, seen by the live editor camera. */
async function screenOf(page: App['page'], id: string) {
  await page.evaluate((t) => ((globalThis as any).__target = t), id);
  return inApp(page, (h) => {
    const { camera, gl, scene } = h.viewport.get();
    const node = scene.getObjectByName((globalThis as any).__target);
    node.updateWorldMatrix(true, false);
    const v = node.localToWorld(node.position.clone().set(0, 1, 0)).project(camera);
    const r = gl.domElement.getBoundingClientRect();
    return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height, cx: ((v.x + 1) / 2) * gl.domElement.width, cy: ((1 - v.y) / 2) * gl.domElement.height, inside: Math.abs(v.x) < 0.9 && Math.abs(v.y) < 0.9 };
  }) as Promise<{ x: number; y: number; cx: number; cy: number; inside: boolean }>;
}

/** The crate's stand-in: whether it draws itself (highlighted) and what its instance slot holds. */
function standInState(page: App['page'], id: string) {
  return page.evaluate((t) => {
    const { scene } = (globalThis as any).__previs.viewport.get();
    let s: any = null;
    scene.getObjectByName(t)?.traverse((o: any) => (s ||= o.isInstanceStandIn ? o : null));
    if (!s) return null;
    const slot = s.bucket ? Array.from(s.bucket.mesh.instanceMatrix.array.slice(s.index * 16, s.index * 16 + 16)) as number[] : [];
    return { drawsItself: s.visible as boolean, instanced: !!s.bucket?.mesh.isInstancedMesh, slotEmpty: slot.every((v) => v === 0), slotX: slot[12] ?? NaN, baked: !!s.cell };
  }, id);
}

async function pixelAt(page: App['page'], x: number, y: number) {
  const px = await canvasPixels(page);
  const i = (Math.round(y) * px.width + Math.round(x)) * 4;
  return [px.data[i]!, px.data[i + 1]!, px.data[i + 2]!];
}

describe('instanced set pieces and mannequins', () => {
  it('draw 200+ props and 4 actors in a handful of calls', async () => {
    const r = await inApp(app.page, (h) => ({ stats: h.instancing.stats(), parts: (globalThis as any).__partsPerActor(h) as number, calls: h.viewport.get().gl.info.render.calls as number }));
    // boxes and cylinders share two unit meshes; four actors of one build share one mesh per body part
    expect(r.parts).toBeGreaterThan(10);
    expect(r.stats.instances).toBe(202 + 4 * r.parts);
    expect(r.stats.buckets).toBe(2 + r.parts);
    // 302 objects drawn each on its own would be 300+ calls per pass
    expect(r.calls).toBeLessThan(120);
    const red = await standInState(app.page, 'red');
    expect(red).toMatchObject({ drawsItself: false, instanced: true, slotEmpty: false });
  });

  it('a click on a baked crate selects it, shift-click adds, the highlight shows; a click on the sky clears', async () => {
    const { page } = app;
    // the crates have rested since the set was loaded: their static cells draw them
    await page.waitForFunction(() => (globalThis as any).__previs.instancing.last.baked >= 202);
    await nextFrames(page, 2);
    expect(await standInState(page, 'red')).toMatchObject({ baked: true, drawsItself: false });
    // the inspector and timeline grow with a selection and the canvas with them: positions are taken afresh
    const red = await screenOf(page, 'red');
    expect(red.inside).toBe(true);
    const before = await pixelAt(page, red.cx, red.cy);
    // plainly red before selection
    expect(before[0]).toBeGreaterThan(before[1]! * 2);

    await page.mouse.click(red.x, red.y);
    await page.waitForFunction(() => JSON.stringify((globalThis as any).__previs.editorStore.getState().selection) === '["red"]');
    await nextFrames(page, 3);
    // selected, it leaves its cell and draws itself
    expect(await standInState(page, 'red')).toMatchObject({ drawsItself: true, slotEmpty: true, baked: false });
    const redLit = await screenOf(page, 'red');
    const lit = await pixelAt(page, redLit.cx, redLit.cy);
    // the selection highlight (an orange emissive) brightens the green channel of the red crate
    expect(lit[1]! - before[1]!).toBeGreaterThan(15);

    const blue = await screenOf(page, 'blue');
    expect(blue.inside).toBe(true);
    await page.keyboard.down('Shift');
    await page.mouse.click(blue.x, blue.y);
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => JSON.stringify([...(globalThis as any).__previs.editorStore.getState().selection].sort()) === '["blue","red"]');
    await nextFrames(page, 3);
    expect(await standInState(page, 'blue')).toMatchObject({ drawsItself: true, slotEmpty: true });

    // the sky above the set: nothing there, the selection clears and the crates go back to their instances
    const box = (await page.getByTestId('viewport').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + 12);
    await page.waitForFunction(() => (globalThis as any).__previs.editorStore.getState().selection.length === 0);
    await nextFrames(page, 3);
    expect(await standInState(page, 'red')).toMatchObject({ drawsItself: false, slotEmpty: false });
    expect(await standInState(page, 'blue')).toMatchObject({ drawsItself: false, slotEmpty: false });
    // once they rest, back in their cells, looking as before
    await page.waitForFunction(() => (globalThis as any).__previs.instancing.last.baked >= 202);
    await nextFrames(page, 2);
    expect(await standInState(page, 'red')).toMatchObject({ baked: true });
    const redAgain = await screenOf(page, 'red');
    const after = await pixelAt(page, redAgain.cx, redAgain.cy);
    after.forEach((c, k) => expect(Math.abs(c - before[k]!)).toBeLessThan(6));
  });

  it('a shot still sees the instances where the timeline puts them, and the viewport is put back', async () => {
    const { page } = app;
    await inApp(page, (h) => h.editorStore.getState().select([]));
    await nextFrames(page, 2);
    const centroids = await page.evaluate(async () => {
      const h = (globalThis as any).__previs;
      const p = h.projectStore.getState().project;
      const redCentroid = async (frame: number) => {
        const png: Uint8Array = await h.animatic.renderShotStill(p, 'sh', frame, { width: 320 });
        const bmp = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const g = c.getContext('2d')!;
        g.drawImage(bmp, 0, 0);
        const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
        let sx = 0, n = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i]! > 90 && d[i]! > d[i + 1]! * 2 && d[i]! > d[i + 2]! * 2) {
            sx += (i / 4) % bmp.width;
            n++;
          }
        }
        return { x: sx / Math.max(1, n), n, width: bmp.width };
      };
      return { f0: await redCentroid(0), f24: await redCentroid(24) };
    });
    expect(centroids.f0.n).toBeGreaterThan(200);
    expect(centroids.f24.n).toBeGreaterThan(200);
    // the crate starts on the lens axis and ends to its right
    expect(Math.abs(centroids.f0.x - centroids.f0.width / 2)).toBeLessThan(8);
    expect(centroids.f24.x - centroids.f0.x).toBeGreaterThan(30);
    // the viewport is back at the playhead (frame 0): the crate's instance is at x = 0 again
    await nextFrames(page, 2);
    const red = await standInState(page, 'red');
    expect(red!.slotEmpty).toBe(false);
    expect(Math.abs(red!.slotX)).toBeLessThan(1e-6);
  });
});
