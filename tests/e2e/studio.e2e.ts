// Two headless Chromium profiles on one studio server: an edit on one appears on the other, and each
// person's Ctrl+Z takes back only their own edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, inApp, type App } from './harness';
import { startStudioServer, type StudioServer } from '../../src/server/studioServer';
import { tempDir } from '../../src/server/testServer.testutil';

let server: StudioServer;
let a: App;
let b: App;
const data = tempDir('previs-e2e-studio-');

beforeAll(async () => {
  server = await startStudioServer({ port: 0, dataDir: data.path });
  a = await openApp();
  b = await openApp();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
  await server?.close();
  data.remove();
});

/** the first set piece of the active scene, and a camera, by id */
const pick = (app: App) =>
  inApp(app.page, (h) => {
    const s = h.projectStore.getState();
    const objs = Object.values(s.project.scenes[s.activeSceneId].objects) as { id: string; type: string; name: string }[];
    return { piece: objs.find((o) => o.type === 'setPiece' || o.type === 'building')!.id, cam: objs.find((o) => o.type === 'camera')!.id };
  });

const field = (app: App, id: string, path: 'x' | 'name') =>
  app.page.evaluate(
    ([oid, p]) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      const o = s.project.scenes[s.activeSceneId].objects[oid];
      return p === 'x' ? o.transform.position[0] : o.name;
    },
    [id, path] as const,
  );

describe('studio server, two browsers', () => {
  it('shares, joins, edits travel both ways and undo is per person', async () => {
    for (const app of [a, b]) await app.page.click('button[data-panel=studio-server]');
    await a.page.fill('[data-testid=studio-server]', server.wsUrl);
    await a.page.click('[data-testid=studio-connect]');
    await a.page.waitForSelector('[data-testid=studio-project-id]');
    const projectId = await a.page.textContent('[data-testid=studio-project-id]');
    expect(projectId).toMatch(/^proj_/);

    await b.page.fill('[data-testid=studio-server]', server.wsUrl);
    await b.page.fill('[data-testid=studio-join-id]', projectId!);
    await b.page.click('[data-testid=studio-join]');
    await b.page.waitForFunction((id) => (globalThis as any).__previs.projectStore.getState().project.id === id, projectId);
    await a.page.waitForFunction(() => /connected \(2 in\)/.test(document.querySelector('[data-testid=studio-status]')?.textContent ?? ''));

    const { piece, cam } = await pick(a);
    // A moves a set piece
    await a.page.evaluate((id) => {
      const h = (globalThis as any).__previs;
      const s = h.projectStore.getState();
      const o = s.project.scenes[s.activeSceneId].objects[id];
      s.execute('move', (p: any) => {
        const sc = p.scenes[s.activeSceneId];
        return { ...p, scenes: { ...p.scenes, [sc.id]: { ...sc, objects: { ...sc.objects, [id]: { ...o, transform: { ...o.transform, position: [42, o.transform.position[1], o.transform.position[2]] } } } } } };
      });
    }, piece);
    await b.page.waitForFunction((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[id].transform.position[0] === 42;
    }, piece);

    // B renames the camera
    await b.page.evaluate((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      s.execute('rename', (p: any) => {
        const sc = p.scenes[s.activeSceneId];
        return { ...p, scenes: { ...p.scenes, [sc.id]: { ...sc, objects: { ...sc.objects, [id]: { ...sc.objects[id], name: 'B camera' } } } } };
      });
    }, cam);
    await a.page.waitForFunction((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[id].name === 'B camera';
    }, cam);

    // A's Ctrl+Z takes back A's move on both machines and leaves B's rename
    await a.page.click('[data-testid=viewport] canvas', { position: { x: 5, y: 5 } }).catch(() => undefined);
    await a.page.keyboard.press('Control+KeyZ');
    await b.page.waitForFunction((id) => {
      const s = (globalThis as any).__previs.projectStore.getState();
      return s.project.scenes[s.activeSceneId].objects[id].transform.position[0] !== 42;
    }, piece);
    expect(await field(a, piece, 'x')).not.toBe(42);
    expect(await field(a, cam, 'name')).toBe('B camera');
    expect(await field(b, cam, 'name')).toBe('B camera');

    // presence: B looks through the camera with it selected; A sees who, what and through which camera
    await inApp(b.page, (h) => h.editorStore.getState().select([]));
    await b.page.evaluate((id) => {
      const e = (globalThis as any).__previs.editorStore.getState();
      e.select([id]);
      e.setViewMode('lookThrough', id);
    }, cam);
    await a.page.waitForFunction((id) => (document.querySelector('[data-testid=studio-peers]')?.textContent ?? '').includes(`looking through ${id}`), cam);
    expect(await a.page.textContent('[data-testid=studio-peers]')).toMatch(/1 selected/);

    // leaving keeps the project here; the server keeps its copy
    await a.page.click('[data-testid=studio-leave]');
    await a.page.waitForSelector('[data-testid=studio-connect]');
    expect(await field(a, cam, 'name')).toBe('B camera');
    expect(a.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
