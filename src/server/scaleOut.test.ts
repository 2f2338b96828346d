// Two server instances behind Redis (several instances, one document) with the documents in PostgreSQL:
// a client on each instance, edits travel across, and the document is in PostgreSQL afterwards. Uses its
// own table prefix and Redis key prefix and drops both; skips, saying why, where either service is missing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { Socket } from 'node:net';
import pg from 'pg';
import * as Y from 'yjs';
import { addObjects, createObject, identityTransform, newProject, setTransforms } from '../core/document';
import { createProjectStore } from '../store/projectStore';
import { openPostgresStore } from './postgresStore';
import { startStudioServer, type StudioServer } from './studioServer';
import { nodeClient, tempDir, waitFor } from './testServer.testutil';

const REDIS = process.env.PREVIS_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const POSTGRES = process.env.PREVIS_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = new Socket();
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.once('timeout', () => (s.destroy(), resolve(false)));
    s.connect(Number(u.port), u.hostname);
  });
}

const services = { redis: await reachable(REDIS), postgres: await reachable(POSTGRES) };
const missing = Object.entries(services).filter(([, ok]) => !ok).map(([k]) => k);
if (missing.length) {
  console.warn(`scale-out test SKIPPED: ${missing.join(' and ')} not reachable (${REDIS}, ${POSTGRES}); start them as README "Studio server" says`);
}

describe.skipIf(missing.length > 0)('two instances behind Redis, documents in PostgreSQL', () => {
  const tag = `t${randomBytes(4).toString('hex')}`;
  const data = tempDir();
  let one: StudioServer;
  let two: StudioServer;
  beforeAll(async () => {
    const common = { dataDir: data.path, redisUrl: REDIS, redisPrefix: `previs-test-${tag}`, postgresUrl: POSTGRES, postgresTablePrefix: `previs_${tag}`, storeDebounceMs: 50 };
    one = await startStudioServer({ port: 0, name: 'one', ...common });
    two = await startStudioServer({ port: 0, name: 'two', ...common });
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    const s = await openPostgresStore(POSTGRES, `previs_${tag}`);
    await s.dropTable();
    await s.close();
    // the Redis extension leaves lock keys that expire by themselves; remove any under our prefix now
    const { default: IORedis } = await import('ioredis');
    const r = new IORedis(REDIS);
    const keys = await r.keys(`previs-test-${tag}*`);
    if (keys.length) await r.del(...keys);
    await r.quit();
    data.remove();
  });

  it('an edit through one instance reaches a client of the other, and is stored in PostgreSQL', async () => {
    const base = newProject('Scale-out');
    const sceneId = base.sceneOrder[0]!;
    const box = createObject('setPiece', { name: 'Crate' });
    const a = createProjectStore(addObjects(sceneId, [box])(base));
    const b = createProjectStore(newProject());
    const ca = await nodeClient(one.wsUrl, a);
    const cb = await nodeClient(two.wsUrl, b, { projectId: base.id });
    try {
      await waitFor(() => Boolean(b.getState().project.scenes[sceneId]?.objects[box.id]), 'the project on instance two', 10000);
      a.getState().execute('move', setTransforms(sceneId, { [box.id]: identityTransform([6, 0, 0]) }));
      await waitFor(() => b.getState().project.scenes[sceneId]!.objects[box.id]!.transform.position[0] === 6, 'the move across instances', 10000);
      b.getState().execute('move back', setTransforms(sceneId, { [box.id]: identityTransform([1, 0, 0]) }));
      await waitFor(() => a.getState().project.scenes[sceneId]!.objects[box.id]!.transform.position[0] === 1, 'the move back', 10000);
      await ca.flushed();
      await cb.flushed();
    } finally {
      await ca.close();
      await cb.close();
    }
    const db = new pg.Client({ connectionString: POSTGRES });
    await db.connect();
    try {
      await waitFor(() => true, '');
      let row: { state: Buffer } | undefined;
      const start = Date.now();
      while (Date.now() - start < 10000) {
        row = (await db.query(`SELECT state FROM previs_${tag}_documents WHERE name = $1`, [base.id])).rows[0];
        if (row) {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, new Uint8Array(row.state));
          const obj = (doc.getMap('scenes').get(sceneId) as Y.Map<Y.Map<Y.Map<unknown>>>).get('objects')!.get(box.id)!;
          if ((obj.get('transform') as { position: number[] }).position[0] === 1) break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(row).toBeTruthy();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, new Uint8Array(row!.state));
      const obj = (doc.getMap('scenes').get(sceneId) as Y.Map<Y.Map<Y.Map<unknown>>>).get('objects')!.get(box.id)!;
      expect((obj.get('transform') as { position: number[] }).position).toEqual([1, 0, 0]);
    } finally {
      await db.end();
    }
  });
});
