// The studio server with real WebSocket clients: edits travel, the document survives a restart, edits made
// while the server is down arrive when it is back, assets are stored only under their true hash.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { addObjects, createObject, identityTransform, newProject, patchObject, setTransforms } from '../core/document';
import { createProjectStore } from '../store/projectStore';
import { startStudioServer, type StudioServer } from './studioServer';
import { nodeClient, tempDir, waitFor } from './testServer.testutil';
import { parseServerArgs } from './main';

const data = tempDir();
afterAll(() => data.remove());

describe('studio server', () => {
  it('two clients share one project; the doc survives a restart; offline edits arrive after it', async () => {
    let server: StudioServer = await startStudioServer({ port: 0, dataDir: data.path, storeDebounceMs: 50 });
    const port = server.port;
    const base = newProject('Shared street');
    const sceneId = base.sceneOrder[0]!;
    const crate = createObject('setPiece', { name: 'Crate' });
    const a = createProjectStore(addObjects(sceneId, [crate])(base));
    const b = createProjectStore(newProject('elsewhere'));
    const ca = await nodeClient(server.wsUrl, a);
    const cb = await nodeClient(server.wsUrl, b, { projectId: base.id });
    try {
      expect(b.getState().project.scenes[sceneId]!.objects[crate.id]!.name).toBe('Crate');
      const health = await (await fetch(`${server.httpUrl}/health`)).json();
      expect(health).toMatchObject({ ok: true, documentsOpen: 1, clientsConnected: 2, storage: 'sqlite' });

      a.getState().execute('move', setTransforms(sceneId, { [crate.id]: identityTransform([4, 0, 2]) }));
      await waitFor(() => b.getState().project.scenes[sceneId]!.objects[crate.id]!.transform.position[0] === 4, 'the move on B');
      await ca.flushed();

      // the server goes away: A keeps editing, and says so
      await server.close();
      await waitFor(() => ca.status.getState().state !== 'connected', 'A to see the server gone');
      a.getState().execute('rename', patchObject(sceneId, crate.id, { name: 'Apple cart' }));
      expect(ca.status.getState().unsynced).toBeGreaterThan(0);
      expect(['offline', 'reconnecting']).toContain(ca.status.getState().state);

      server = await startStudioServer({ port, dataDir: data.path, storeDebounceMs: 50 });
      await waitFor(() => b.getState().project.scenes[sceneId]!.objects[crate.id]!.name === 'Apple cart', 'the offline rename on B', 15000);
      expect(b.getState().project.scenes[sceneId]!.objects[crate.id]!.transform.position).toEqual([4, 0, 2]);
      await ca.flushed();
      expect(ca.status.getState()).toMatchObject({ state: 'connected', unsynced: 0 });
    } finally {
      await ca.close();
      await cb.close();
      await server.close();
    }
    // a third person, later, on a fresh server process over the same data folder
    server = await startStudioServer({ port: 0, dataDir: data.path });
    const c = createProjectStore(newProject('late'));
    const cc = await nodeClient(server.wsUrl, c, { projectId: base.id });
    try {
      const o = c.getState().project.scenes[sceneId]!.objects[crate.id]!;
      expect(o.name).toBe('Apple cart');
      expect(o.transform.position).toEqual([4, 0, 2]);
    } finally {
      await cc.close();
      await server.close();
    }
  });

  it('assets: stored once under their SHA-256, refused under any other name, missing ones are 404', async () => {
    const server = await startStudioServer({ port: 0, dataDir: data.path });
    try {
      const bytes = new TextEncoder().encode('plate frame bytes');
      const hash = createHash('sha256').update(bytes).digest('hex');
      const put = (h: string, body: Uint8Array<ArrayBuffer>) => fetch(`${server.httpUrl}/assets/${h}`, { method: 'PUT', body });
      expect((await put(hash, bytes)).status).toBe(201);
      expect((await put(hash, bytes)).status).toBe(200);
      const wrong = hash.replace(/^./, hash[0] === 'a' ? 'b' : 'a');
      const refused = await put(wrong, bytes);
      expect(refused.status).toBe(422);
      expect((await fetch(`${server.httpUrl}/assets/${wrong}`)).status).toBe(404);
      const got = await fetch(`${server.httpUrl}/assets/${hash}`);
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
      expect((await fetch(`${server.httpUrl}/assets/..%2F..%2Fetc%2Fpasswd`)).status).toBe(400);
      expect((await fetch(`${server.httpUrl}/assets/${hash.toUpperCase()}`)).status).toBe(400);
    } finally {
      await server.close();
    }
  });

  it('a document name that is not a project id is refused', async () => {
    const server = await startStudioServer({ port: 0, dataDir: data.path });
    try {
      const s = createProjectStore(newProject());
      await expect(nodeClient(server.wsUrl, s, { projectId: '../../escape', timeoutMs: 1500 })).rejects.toThrow();
      expect(await server.store.names()).not.toContain('../../escape');
    } finally {
      await server.close();
    }
  });

  it('joining a project the server does not hold fails clearly and fills nothing from this store', async () => {
    const server = await startStudioServer({ port: 0, dataDir: data.path, storeDebounceMs: 20 });
    try {
      const mine = createProjectStore(newProject('mine'));
      const before = mine.getState().project;
      await expect(nodeClient(server.wsUrl, mine, { projectId: 'proj_nosuchthing', timeoutMs: 1500 })).rejects.toThrow(/no project "proj_nosuchthing"/);
      expect(mine.getState().project).toBe(before);
      await new Promise((r) => setTimeout(r, 200));
      const stored = await server.store.fetch('proj_nosuchthing');
      if (stored) {
        const Y = await import('yjs');
        const d = new Y.Doc();
        Y.applyUpdate(d, stored);
        expect(d.getMap('meta').size).toBe(0);
      }
    } finally {
      await server.close();
    }
  });

  it('command line: --help, required --data, bad port', () => {
    expect(parseServerArgs(['--help'])).toBe('help');
    expect(parseServerArgs(['--port', '8787'])).toMatch(/--data DIR is required/);
    expect(parseServerArgs(['--data', 'x', '--port', '99999'])).toMatch(/not a port number/);
    expect(parseServerArgs(['--data', 'x', '--crl', 'c.pem'])).toMatch(/--crl needs --studio-root/);
    expect(parseServerArgs(['--data', 'x', '--port', '0'])).toMatchObject({ port: 0, data: 'x' });
  });
});
