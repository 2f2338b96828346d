// Draco and meshopt compressed glTF in the built app: each imports through the decoders the app serves from its own
// origin (under its CSP: wasm and blob workers, nothing fetched elsewhere) and is drawn with exactly the vertices
// and triangles it was made from; damaged compressed data is refused in one sentence and leaves the project as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inApp, openApp, type App } from './harness';
import { GRID_TRIANGLES, GRID_VERTICES, dracoGridGlb, meshoptGridGlb } from '../fixtures/models/compressedGltf';

let app: App;
beforeAll(async () => {
  app = await openApp();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const b64 = (u8: Uint8Array) => Buffer.from(u8).toString('base64');

/** Imports in the page; the new object's drawn vertex and triangle counts once its model is in the viewport. */
async function importAndCount(bytes: Uint8Array, name: string): Promise<{ error: string } | { vertices: number; triangles: number }> {
  const r: { id?: string; error?: string } = await app.page.evaluate(
    async ([data, n]) => {
      const u8 = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      try {
        return { id: (await (globalThis as any).__previs.importModel(u8, n)) as string };
      } catch (e) {
        return { error: (e as Error).message };
      }
    },
    [b64(bytes), name] as const,
  );
  if (r.error !== undefined || r.id === undefined) return { error: r.error ?? 'no object' };
  const counts = () =>
    app.page.evaluate((id) => {
      let vertices = 0;
      let triangles = 0;
      (globalThis as any).__previs.viewport.get().scene.getObjectByName(id)?.traverse((o: any) => {
        // the model's own meshes (the loader's plain BufferGeometry), not the stand-in or picking boxes around it
        if (!o.isMesh || o.geometry?.type !== 'BufferGeometry' || !o.geometry.attributes.position) return;
        vertices += o.geometry.attributes.position.count;
        triangles += (o.geometry.index?.count ?? o.geometry.attributes.position.count) / 3;
      });
      return { vertices, triangles };
    }, r.id!);
  // the object shows a stand-in box until its model is parsed: wait for the model's own geometry (or time out and
  // report what is drawn)
  await app.page
    .waitForFunction(
      ([id, minVertices]) => {
        let vertices = 0;
        (globalThis as any).__previs.viewport.get().scene.getObjectByName(id)?.traverse((o: any) => void (o.isMesh && o.geometry.type === 'BufferGeometry' ? (vertices += o.geometry.attributes.position.count) : 0));
        return vertices >= minVertices;
      },
      [r.id, GRID_VERTICES] as const,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  return counts();
}

describe('compressed glTF in the browser', () => {
  it('imports Draco and meshopt files with the vertices and triangles they were made from, decoders from this origin', async () => {
    for (const [name, make] of [['terrain-draco.glb', dracoGridGlb], ['terrain-meshopt.glb', meshoptGridGlb]] as const) {
      const r = await importAndCount(await make(), name);
      expect(r, name).toEqual({ vertices: GRID_VERTICES, triangles: GRID_TRIANGLES });
    }
    // the Draco decoder came from the app's own origin, and nothing went anywhere else
    expect(app.requests.some((u) => u.startsWith(app.origin) && /draco_decoder.*\.wasm$/.test(u))).toBe(true);
    expect(app.requests.filter((u) => !u.startsWith(app.origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(app.errors.filter((e) => /Content Security Policy|pageerror/.test(e))).toEqual([]);
  }, 120_000);

  it('refuses damaged Draco and meshopt data in one sentence, the project unchanged', async () => {
    for (const [name, make, kind] of [['broken-draco.glb', dracoGridGlb, 'Draco'], ['broken-meshopt.glb', meshoptGridGlb, 'meshopt']] as const) {
      const before = await inApp(app.page, (h) => h.projectStore.getState().project);
      const r = await importAndCount(await make(true), name);
      expect(r).toEqual({ error: `${name} cannot be imported: its ${kind}-compressed geometry does not decode (the file is damaged)` });
      expect(await inApp(app.page, (h) => h.projectStore.getState().project)).toEqual(before);
    }
  }, 120_000);
});
