// The IndexedDB schema upgrade, on fake-indexeddb: a database saved by version 1 (no `models` store) opens in
// version 2 with every project, asset, meta and key entry intact, and the new store ready.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, idbAll, idbDelete, idbGet, idbPut, openDb } from './idb';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** What version 1 of the app left behind. */
async function seedVersion1(): Promise<void> {
  const open = indexedDB.open(DB_NAME, 1);
  open.onupgradeneeded = () => {
    for (const name of ['projects', 'assets', 'meta', 'keys']) open.result.createObjectStore(name);
  };
  const db = await request(open);
  const tx = db.transaction(['projects', 'assets', 'meta', 'keys'], 'readwrite');
  tx.objectStore('projects').put({ id: 'proj_1', name: 'Street', modifiedAt: '2026-11-01', text: '{"kind":"x"}' }, 'proj_1');
  tx.objectStore('assets').put({ hash: 'a'.repeat(64), mime: 'image/png', bytes: new Uint8Array([1, 2, 3]).buffer }, 'a'.repeat(64));
  tx.objectStore('meta').put('proj_1', 'lastProjectId');
  tx.objectStore('keys').put({ publicKey: 'pk' }, 'signing');
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

describe('IndexedDB upgrade', () => {
  it('opens a version-1 database as version 2, keeping its data and adding the models store', async () => {
    expect(DB_VERSION).toBe(2);
    await seedVersion1();
    const db = await openDb();
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['assets', 'keys', 'meta', 'models', 'projects']);
    expect(await idbGet<{ name: string }>('projects', 'proj_1')).toMatchObject({ name: 'Street' });
    const asset = await idbGet<{ bytes: ArrayBuffer }>('assets', 'a'.repeat(64));
    expect([...new Uint8Array(asset!.bytes)]).toEqual([1, 2, 3]);
    expect(await idbGet('meta', 'lastProjectId')).toBe('proj_1');
    expect(await idbGet('keys', 'signing')).toEqual({ publicKey: 'pk' });

    const sha = 'b'.repeat(64);
    await idbPut('models', sha, { sha256: sha, card: { id: 'mine' }, bytes: new Uint8Array([9, 8]).buffer });
    const all = await idbAll<{ sha256: string; bytes: ArrayBuffer }>('models');
    expect(all.map((m) => m.sha256)).toEqual([sha]);
    expect([...new Uint8Array(all[0]!.bytes)]).toEqual([9, 8]);
    await idbDelete('models', sha);
    expect(await idbAll('models')).toEqual([]);
  });

  it('steps aside when a newer version opens in another tab, then reopens', async () => {
    const db = await openDb();
    const newer = indexedDB.open(DB_NAME, DB_VERSION + 1);
    let blocked = false;
    newer.onblocked = () => (blocked = true);
    const upgraded = await request(newer);
    expect(blocked).toBe(false);
    expect(upgraded.version).toBe(DB_VERSION + 1);
    upgraded.close();
    // without the step-aside the newer open would wait on the old connection forever (blocked, no success)
    expect(db.version).toBe(DB_VERSION);
  });
});
