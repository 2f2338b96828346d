// Assets by hash between a client and a real studio server: uploaded once, fetched and checked, and a server
// that hands back other bytes is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStudioServer, type StudioServer } from '../server/studioServer';
import { tempDir } from '../server/testServer.testutil';
import { fetchAsset, httpAssets, uploadMissing } from './assetSync';

const data = tempDir();
let server: StudioServer;
beforeAll(async () => {
  server = await startStudioServer({ port: 0, dataDir: data.path });
});
afterAll(async () => {
  await server.close();
  data.remove();
});

const bytesOf = (s: string) => new TextEncoder().encode(s);
const hashOf = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('assets by hash', () => {
  it('uploads once, fetches and checks; a missing asset is reported, not thrown', async () => {
    const plate = bytesOf('a plate, frame 1');
    const h = hashOf(plate);
    const r = httpAssets({ wsUrl: server.wsUrl });
    const local = async (x: string) => (x === h ? plate : null);
    expect((await uploadMissing(r, [h, 'b'.repeat(64)], local)).uploaded).toEqual([h]);
    expect((await uploadMissing(r, [h], local)).uploaded).toEqual([]);
    const got = await fetchAsset(r, h);
    expect(got.bytes).toEqual(plate);
    const missing = await fetchAsset(r, 'c'.repeat(64));
    expect(missing.bytes).toBe(null);
    if (!missing.bytes) expect(missing.problem).toMatch(/missing on the studio server/);
  });

  it('bytes changed on the server are refused, by the server and by the client', async () => {
    const b = bytesOf('a bake');
    const h = hashOf(b);
    await uploadMissing(httpAssets({ wsUrl: server.wsUrl }), [h], async () => b);
    writeFileSync(join(data.path, 'assets', h.slice(0, 2), h), 'tampered');
    const got = await fetchAsset(httpAssets({ wsUrl: server.wsUrl }), h);
    expect(got.bytes).toBe(null);
    // a server that does not check (or a proxy in between) is caught by the client's own hash
    const { createServer } = await import('node:http');
    const liar = createServer((_q, s) => s.end('other bytes')).listen(0, '127.0.0.1');
    await new Promise((r) => liar.once('listening', r));
    const port = (liar.address() as { port: number }).port;
    const lie = await fetchAsset(httpAssets({ wsUrl: `ws://127.0.0.1:${port}` }), h);
    liar.close();
    expect(lie.bytes).toBe(null);
    if (!lie.bytes) expect(lie.problem).toMatch(/does not match its hash/);
  });
});
