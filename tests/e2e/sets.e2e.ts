// Sets, actors, lights and import, end to end in the built app: every Add entry draws; an actor posed from
// a preset changes the document and the pixels, undo and redo bring both back; a GLB the project generates
// imports (with the unit question for a millimetre model), a truncated one is refused with the project intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApp, inApp, canvasPixels, type App } from './harness';

let app: App;
const OUT = resolve('.tmp/e2e-sets');
beforeAll(async () => {
  app = await openApp({ viewport: { width: 1100, height: 700 } });
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
  await app?.close();
});

const fixture = (n: string) => [...readFileSync(resolve('tests/fixtures/models', n))];

async function shot(name: string) {
  // the canvas as the app drew it (preserveDrawingBuffer): a page screenshot waits for a still page, which a
  // live viewport never is
  const url = await app.page.evaluate(() => (document.querySelector('[data-testid=viewport] canvas') as HTMLCanvasElement).toDataURL('image/png'));
  writeFileSync(resolve(OUT, `${name}.png`), Buffer.from(url.split(',')[1]!, 'base64'));
}

/** Waits for two more rendered frames, so pixels reflect the latest document. */
async function settle() {
  const n = await inApp(app.page, (h) => h.frameStats.frames as number);
  await app.page.waitForFunction((n0) => (globalThis as any).__previs.frameStats.frames > n0 + 2, n);
}

function meanDiff(a: Uint8Array, b: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i += 4) s += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
  return s / (a.length / 4);
}

function changedPixels(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 24) n++;
  return n;
}

/** Selects the demo actor by name and puts the viewport camera in front of it. */
async function focusActor(name: string): Promise<string> {
  const { page } = app;
  const id = await page.evaluate((n) => {
    const s = (globalThis as any).__previs.projectStore.getState();
    return (Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.name === n) as any).id as string;
  }, name);
  await page.evaluate((t) => ((globalThis as any).__actor = t), id);
  await inApp(page, (h) => h.editorStore.getState().select([(globalThis as any).__actor]));
  // look at the actor from the front, close enough to see the limbs
  await inApp(page, (h) => {
    const { camera, controls } = h.viewport.get();
    const s = h.projectStore.getState();
    const a = s.project.scenes[s.activeSceneId].objects[(globalThis as any).__actor];
    const [x, , z] = a.transform.position;
    camera.position.set(x + 0.6, 1.3, z + 3.2);
    controls?.target.set(x, 0.95, z);
    camera.lookAt(x, 0.95, z);
    controls?.update();
  });
  await page.getByTestId('pose-panel').waitFor();
  return id;
}

const actorPose = (id: string) =>
  inApp(app.page, (h) => {
    const s = h.projectStore.getState();
    const a = s.project.scenes[s.activeSceneId].objects[(globalThis as any).__actor];
    return JSON.stringify({ pose: a.pose, preset: a.posePreset });
  }).then((v) => ({ id, v: v as string }));

describe('sets, actors, lights', () => {
  it('every Add entry creates its object and draws it', async () => {
    const { page } = app;
    const ids = await page.$$eval('[data-testid=add-menu] option', (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    for (const want of ['box', 'cylinder', 'plane', 'stairs', 'wall', 'building', 'house', 'tower', 'actor', 'actor-female', 'actor-child', 'sun', 'spot', 'point', 'area']) {
      expect(ids).toContain(want);
    }
    for (const item of ['stairs', 'wall', 'house', 'actor-child', 'spot', 'area']) {
      const before = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
      await page.getByTestId('add-menu').selectOption(item);
      const id = await inApp(page, (h) => h.editorStore.getState().selection[0] as string);
      expect(id, item).toBeTruthy();
      const after = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
      expect(after).toBe(before + 1);
      await page.evaluate((t) => ((globalThis as any).__target = t), id);
      // the renderer put real geometry (or a light) under the object's node
      await page.waitForFunction(() => {
        const h = (globalThis as any).__previs;
        const { scene } = h.viewport.get();
        const node = scene.getObjectByName((globalThis as any).__target);
        let tris = 0;
        let lights = 0;
        node?.traverse((o: any) => {
          if (o.isMesh && o.geometry) tris += (o.geometry.index?.count ?? o.geometry.attributes.position.count) / 3;
          if (o.isLight) lights++;
        });
        return tris > 0 && (lights > 0 || !node.userData.documentId.startsWith('light'));
      });
      // one undo takes the addition back (and keeps the street clear for the next tests)
      await inApp(page, (h) => h.projectStore.getState().undo());
      expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(before);
    }
  });

  it('a wall with openings has holes the sky shows through', async () => {
    const { page } = app;
    await page.getByTestId('add-menu').selectOption('wall');
    const id = await inApp(page, (h) => h.editorStore.getState().selection[0] as string);
    await page.evaluate((t) => ((globalThis as any).__target = t), id);
    // count the wall's front-face triangles (z = +0.1 in its own space) covering a point
    const hits = await inApp(page, (h) => {
      const { scene } = h.viewport.get();
      const node = scene.getObjectByName((globalThis as any).__target);
      let wall: any = null;
      node.traverse((o: any) => (wall ||= o.isMesh ? o : null));
      const pos = wall.geometry.attributes.position;
      const idx = wall.geometry.index;
      const covers = (x: number, y: number) => {
        let n = 0;
        for (let t = 0; t < idx.count; t += 3) {
          const v = [0, 1, 2].map((k) => [pos.getX(idx.getX(t + k)), pos.getY(idx.getX(t + k)), pos.getZ(idx.getX(t + k))] as number[]);
          if (!v.every((p) => Math.abs(p[2]! - 0.1) < 1e-6)) continue;
          const [a, b, c] = v as [number[], number[], number[]];
          const d = (p: number[], q: number[], r: number[]) => (p[0]! - r[0]!) * (q[1]! - r[1]!) - (q[0]! - r[0]!) * (p[1]! - r[1]!);
          const s1 = d([x, y], a, b), s2 = d([x, y], b, c), s3 = d([x, y], c, a);
          if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) n++;
        }
        return n;
      };
      return { window: covers(1.1, 1.5), door: covers(-1.2, 1), solid: covers(0, 2.6) };
    });
    expect(hits.window).toBe(0);
    expect(hits.door).toBe(0);
    expect(hits.solid).toBeGreaterThan(0);
  });

  it('poses an actor from a preset; undo and redo bring back the document pose and the pixels', async () => {
    const { page } = app;
    const id = await focusActor('ANA');
    await page.getByTestId('pose-panel').waitFor();
    await settle();
    const p0 = await actorPose(id);
    const px0 = await canvasPixels(page);
    await shot('pose-0-before');
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);

    await page.getByTestId('pose-preset-wave').click();
    await settle();
    const p1 = await actorPose(id);
    expect(p1.v).not.toBe(p0.v);
    expect(JSON.parse(p1.v).preset).toBe('wave');
    expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(steps0 + 1);
    const px1 = await canvasPixels(page);
    await shot('pose-1-wave');
    // the raised arm changes a visible part of the frame
    expect(changedPixels(px0.data, px1.data)).toBeGreaterThan(400);

    await page.locator('[data-testid=viewport] canvas').click({ position: { x: 5, y: 5 }, trial: true });
    await page.keyboard.press('Control+KeyZ');
    await settle();
    const p2 = await actorPose(id);
    expect(p2.v).toBe(p0.v);
    const px2 = await canvasPixels(page);
    expect([px2.width, px2.height]).toEqual([px0.width, px0.height]);
    expect(meanDiff(px0.data, px2.data)).toBeLessThan(0.5);

    await page.keyboard.press('Control+Shift+KeyZ');
    await settle();
    const p3 = await actorPose(id);
    expect(p3.v).toBe(p1.v);
    const px3 = await canvasPixels(page);
    expect(meanDiff(px1.data, px3.data)).toBeLessThan(0.5);
  });

  it('a joint angle scrub in the pose panel is one undo step and respects the joint limit', async () => {
    const { page } = app;
    await page.getByTestId('pose-joint').selectOption('kneeL');
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    const label = page.locator('.field', { has: page.getByTestId('pose-angle-X') }).locator('.field-label');
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + box.height / 2);
    await page.mouse.down();
    // 400 px at 0.5°/px asks for 200°: past the knee's 150°
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 5 + i * 40, box.y + box.height / 2);
    await page.mouse.up();
    const after = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const a = s.project.scenes[s.activeSceneId].objects[(globalThis as any).__actor];
      return { steps: s.history.past.length as number, knee: a.pose.kneeL as number[] | undefined };
    });
    expect(after.steps).toBe(steps0 + 1);
    // the knee stops at its limit
    expect(after.knee?.[0]).toBeCloseTo((150 * Math.PI) / 180, 9);
    // and one undo takes the whole sweep back
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Control+KeyZ');
    const undone = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return (s.project.scenes[s.activeSceneId].objects[(globalThis as any).__actor].pose.kneeL ?? null) as number[] | null;
    });
    expect(undone?.[0] ?? 0).toBeCloseTo(0, 9);
  });
});

describe('daylight', () => {
  it('the sun follows the time of day: shadows move, the night is dark, undo restores', async () => {
    const { page } = app;
    const sunId = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return (Object.values(s.project.scenes[s.activeSceneId].objects).find((o: any) => o.type === 'light' && o.kind === 'sun') as any).id as string;
    });
    await page.evaluate((t) => ((globalThis as any).__sun = t), sunId);
    // a high view over the street, where building shadows fall on the road
    await inApp(page, (h) => {
      const { camera, controls } = h.viewport.get();
      camera.position.set(0, 45, 30);
      controls?.target.set(0, 0, 0);
      camera.lookAt(0, 0, 0);
      controls?.update();
      h.editorStore.getState().select([]);
    });
    const setTime = (t: number) =>
      page.evaluate((hours) => {
        const h = (globalThis as any).__previs;
        const s = h.projectStore.getState();
        const id = (globalThis as any).__sun;
        s.execute('Set time of day', (p: any) => {
          const o = p.scenes[s.activeSceneId].objects[id];
          return { ...p, scenes: { ...p.scenes, [s.activeSceneId]: { ...p.scenes[s.activeSceneId], objects: { ...p.scenes[s.activeSceneId].objects, [id]: { ...o, timeOfDay: hours } } } } };
        });
      }, t);
    const luminance = (px: Uint8Array) => {
      let sum = 0;
      for (let i = 0; i < px.length; i += 4) sum += 0.2126 * px[i]! + 0.7152 * px[i + 1]! + 0.0722 * px[i + 2]!;
      return sum / (px.length / 4);
    };
    await setTime(9);
    await settle();
    const morning = await canvasPixels(page);
    await shot('sun-0900');
    await setTime(16);
    await settle();
    const afternoon = await canvasPixels(page);
    await shot('sun-1600');
    // shadows swing from one side of the buildings to the other
    expect(changedPixels(morning.data, afternoon.data)).toBeGreaterThan(2000);
    await setTime(1);
    await settle();
    const night = await canvasPixels(page);
    expect(luminance(night.data)).toBeLessThan(luminance(afternoon.data) - 5);
    await inApp(page, (h) => h.projectStore.getState().undo());
    await settle();
    const back = await canvasPixels(page);
    expect(meanDiff(back.data, afternoon.data)).toBeLessThan(0.5);
  });
});

/** Drags the pose gizmo's X ring (8 mouse moves between one press and one release). */
async function dragPoseRing() {
  const { page } = app;
  // find a point on the gizmo's X ring picker in page pixels
  const at = await page.waitForFunction(() => {
    const h = (globalThis as any).__previs;
    const { scene, camera, gl } = h.viewport.get();
    let gizmo: any = null;
    // the pose gizmo is the one in rotate mode (the selection gizmo translates)
    scene.traverse((o: any) => (gizmo ||= (o.isTransformControlsGizmo || o.type === 'TransformControlsGizmo') && o.mode === 'rotate' ? o : null));
    const ring = gizmo?.picker?.rotate?.children.find((c: any) => c.name === 'X');
    if (!ring) return null;
    ring.updateMatrixWorld(true);
    const pos = ring.geometry.attributes.position;
    const r = gl.domElement.getBoundingClientRect();
    let best: { x: number; y: number; d: number } | null = null;
    const v = camera.position.clone();
    for (let i = 0; i < pos.count; i += 3) {
      v.set(pos.getX(i), pos.getY(i), pos.getZ(i)).applyMatrix4(ring.matrixWorld);
      const d = v.distanceTo(camera.position);
      v.project(camera);
      const x = r.left + ((v.x + 1) / 2) * r.width;
      const y = r.top + ((1 - v.y) / 2) * r.height;
      if (x < r.left + 5 || x > r.right - 5 || y < r.top + 5 || y > r.bottom - 5) continue;
      if (!best || d < best.d) best = { x, y, d };
    }
    return best;
  });
  const p = (await at.jsonValue()) as { x: number; y: number };
  await page.mouse.move(p.x, p.y);
  await settle();
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(p.x + i * 6, p.y + i * 8);
  await page.mouse.up();
}

describe('bone posing with the viewport gizmo', () => {
  it('dragging the rotate gizmo on a joint is one undo step', async () => {
    const { page } = app;
    await focusActor('TOM');
    await page.getByTestId('pose-joint').selectOption('shoulderL');
    await settle();
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    const before = await actorPose('');
    await dragPoseRing();
    await settle();
    const after = await actorPose('');
    expect(after.v).not.toBe(before.v);
    expect(JSON.parse(after.v).preset).toBeNull();
    expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(steps0 + 1);
    await shot('gizmo-after');
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect((await actorPose('')).v).toBe(before.v);
  });
  it('dragging a joint of a keyed pose keys it at the playhead, in one undo step', async () => {
    const { page } = app;
    const id = await focusActor('TOM');
    await page.getByTestId('pose-joint').selectOption('shoulderL');
    // key TOM's pose at 0 and 48 and park the playhead between the keys
    await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const sid = s.activeSceneId;
      const actor = (globalThis as any).__actor;
      s.execute('Key pose', (p: any) => {
        let q = h.timeline.setKey(sid, actor, 'pose', { frame: 0, value: { shoulderL: [0, 0, 0.3] }, interp: 'linear' })(p);
        q = h.timeline.setKey(sid, actor, 'pose', { frame: 48, value: { shoulderL: [0, 0, -0.3] }, interp: 'linear' })(q);
        return q;
      });
      h.playhead.set(24);
    });
    await settle();
    const poseTrack = () =>
      inApp(page, (h) => {
        const s = h.projectStore.getState();
        const sc = s.project.scenes[s.activeSceneId];
        const actor = (globalThis as any).__actor;
        const t = Object.values(sc.tracks).find((x: any) => x.targetId === actor && x.property === 'pose') as any;
        return JSON.stringify(t.keys.map((k: any) => [k.frame, k.value]));
      }).then((v) => JSON.parse(v as string) as [number, Record<string, number[]>][]);
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    const staticBefore = await actorPose(id);
    await dragPoseRing();
    await settle();
    expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(steps0 + 1);
    const keys = await poseTrack();
    expect(keys.map((k) => k[0])).toEqual([0, 24, 48]);
    // the dragged joint moved away from what frame 24 showed (the keys' midpoint, no turn at all)
    const s24 = keys[1]![1].shoulderL!;
    expect(Math.hypot(s24[0]!, s24[1]!, s24[2]!)).toBeGreaterThan(0.01);
    // evaluation at the playhead is the keyed pose; the static pose under the track did not change
    const at24 = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return JSON.stringify(h.timeline.evaluateScene(s.project, s.activeSceneId, 24).objects[(globalThis as any).__actor].pose.shoulderL);
    });
    expect(JSON.parse(at24 as string)).toEqual(s24);
    expect(JSON.parse((await actorPose(id)).v).pose).toEqual(JSON.parse(staticBefore.v).pose);
    await shot('gizmo-keyed-after');
    await inApp(page, (h) => h.projectStore.getState().undo());
    expect((await poseTrack()).map((k) => k[0])).toEqual([0, 48]);
    // leave TOM unanimated for the tests after this one
    await inApp(page, (h) => {
      h.projectStore.getState().undo();
      h.playhead.set(0);
    });
  });
});

describe('glTF import', () => {
  it('imports the crate fixture by drag and drop, stores it once, stands it on the ground', async () => {
    const { page } = app;
    const bytes = fixture('crate.glb');
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    await page.evaluate(async (b) => {
      const file = new File([new Uint8Array(b)], 'crate.glb', { type: 'model/gltf-binary' });
      const dt = new DataTransfer();
      dt.items.add(file);
      document.querySelector('.app')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, bytes);
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'asset' && o.name === 'crate');
    });
    const r = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      const o: any = Object.values(s.project.scenes[s.activeSceneId].objects).find((x: any) => x.type === 'asset' && x.name === 'crate');
      return { steps: s.history.past.length as number, assetId: o.assetId as string, meta: s.project.assets[o.assetId], unitScale: o.unitScale as number, id: o.id as string };
    });
    expect(r.steps).toBe(steps0 + 1);
    expect(r.unitScale).toBe(1);
    expect(r.meta).toMatchObject({ kind: 'model', mime: 'model/gltf-binary', byteLength: bytes.length });
    // the asset id is the SHA-256 of the file
    const { createHash } = await import('node:crypto');
    expect(r.assetId).toBe(createHash('sha256').update(Uint8Array.from(bytes)).digest('hex'));
    // drawn, and its bounding box stands on the ground
    await page.evaluate((t) => ((globalThis as any).__target = t), r.id);
    const box = await page.waitForFunction(() => {
      const h = (globalThis as any).__previs;
      const { scene } = h.viewport.get();
      const node = scene.getObjectByName((globalThis as any).__target);
      let meshes = 0;
      node?.traverse((o: any) => (meshes += o.isMesh && o.geometry?.attributes.position.count === 24 ? 1 : 0));
      if (meshes < 2) return null;
      node.updateMatrixWorld(true);
      const min = [Infinity, Infinity, Infinity];
      const max = [-Infinity, -Infinity, -Infinity];
      node.traverse((o: any) => {
        if (!o.isMesh || o.geometry.attributes.position.count !== 24) return;
        const p = o.geometry.attributes.position;
        for (let i = 0; i < p.count; i++) {
          const v = p.array.constructor === Float32Array ? [p.getX(i), p.getY(i), p.getZ(i)] : [0, 0, 0];
          const e = o.matrixWorld.elements;
          const w = [0, 1, 2].map((k) => e[k] * v[0]! + e[4 + k] * v[1]! + e[8 + k] * v[2]! + e[12 + k]);
          w.forEach((c, k) => ((min[k] = Math.min(min[k]!, c)), (max[k] = Math.max(max[k]!, c))));
        }
      });
      return { min, max };
    });
    const b = (await box.jsonValue()) as { min: number[]; max: number[] };
    expect(b.min[1]).toBeCloseTo(0, 4);
    expect(b.max[1]).toBeCloseTo(1.5, 4);
    expect(b.max[0]! - b.min[0]!).toBeCloseTo(0.8, 4);
  });

  it('a millimetre model asks for its units through the file picker path, ×0.001 makes it 1.7 m', async () => {
    const { page } = app;
    await page.getByTestId('add-menu').selectOption('import-model');
    const input = page.locator('input[data-testid=import-model-input]');
    await input.setInputFiles({ name: 'person-mm.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(Uint8Array.from(fixture('person-mm.glb'))) });
    await page.getByTestId('scale-dialog').waitFor();
    await expect(page.getByTestId('scale-dialog').textContent()).resolves.toMatch(/1,700 m/);
    await page.getByTestId('scale-option-0.001').click();
    await page.waitForFunction(() => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return Object.values(s.project.scenes[s.activeSceneId].objects).some((o: any) => o.type === 'asset' && o.name === 'person-mm');
    });
    const scale = await inApp(page, (h) => {
      const s = h.projectStore.getState();
      return (Object.values(s.project.scenes[s.activeSceneId].objects).find((x: any) => x.name === 'person-mm') as any).unitScale as number;
    });
    expect(scale).toBe(0.001);
    await shot('import-done');
  });

  it('a truncated GLB is refused with a clear error and the project untouched', async () => {
    const { page } = app;
    const before = await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project));
    const steps0 = await inApp(page, (h) => h.projectStore.getState().history.past.length as number);
    const errors0 = await page.getByTestId('notice-error').count();
    await page.getByTestId('add-menu').selectOption('import-model');
    await page
      .locator('input[data-testid=import-model-input]')
      .setInputFiles({ name: 'truncated.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from(Uint8Array.from(fixture('truncated.glb'))) });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=notice-error]').length > n, errors0);
    const text = await page.getByTestId('notice-error').last().textContent();
    expect(text).toMatch(/truncated\.glb is truncated/);
    expect(await inApp(page, (h) => JSON.stringify(h.projectStore.getState().project))).toBe(before);
    expect(await inApp(page, (h) => h.projectStore.getState().history.past.length as number)).toBe(steps0);
    // nothing left the app's origin
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(app.errors.filter((e) => !/truncated/.test(e))).toEqual([]);
  });
});
