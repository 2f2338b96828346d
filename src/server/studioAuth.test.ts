// Studio sign-in and write rules, attacked: outsiders, replays, borrowed certificates, roles claimed but not
// granted, ledger deletions, and a member revoked while connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newProject, type LedgerEntry } from '../core/document';
import { sealAfter } from '../core/disclosure/ledger';
import { makeTestStudio, type TestMember, type TestStudio } from '../core/studio/testStudio.testutil';
import { answerChallenge, selfNonce, selfSignIn } from '../core/studio/signIn';
import { createHash } from 'node:crypto';
import { fetchAsset, uploadMissing } from '../sync/assetSync';
import { socketAssets } from '../sync/assetChannel';
import { describeCertificate } from '../core/studio/member';
import { createProjectStore } from '../store/projectStore';
import { studioToken } from '../sync/studioSignIn';
import { startStudioServer, type StudioServer } from './studioServer';
import { studioAuth } from './studioAuth';
import { nodeClient, tempDir, waitFor } from './testServer.testutil';

const data = tempDir();
let studio: TestStudio;
let other: TestStudio;
let legal: TestMember;
let artist: TestMember;
let outsider: TestMember;
let server: StudioServer;
let auth: Awaited<ReturnType<typeof studioAuth>>;
const crlPath = join(data.path, 'studio.crl.pem');

const cred = (m: TestMember) => ({ certificatePem: m.certificatePem, sign: (b: Uint8Array) => m.signer.sign(b) });

beforeAll(async () => {
  studio = await makeTestStudio('Northlight Pictures');
  other = await makeTestStudio('Elsewhere Films');
  legal = await studio.enrol('Lee Gall', 'lee@northlight.test', ['legal']);
  artist = await studio.enrol('Ari Tist', 'ari@northlight.test', ['artist']);
  outsider = await other.enrol('Otto Side', 'otto@elsewhere.test', ['legal']);
  writeFileSync(crlPath, await studio.crl([], 1));
  auth = await studioAuth({ rootPem: studio.rootPem, crlPath });
  server = await startStudioServer({ port: 0, dataDir: data.path, extensions: auth.extensions, routesAuth: auth.routes });
});
afterAll(async () => {
  auth.close();
  await server.close();
  data.remove();
});

const review = async (ledger: readonly LedgerEntry[], m: TestMember, role: string, action = 'approve') =>
  sealAfter(ledger, [{ kind: 'review', payload: { type: 'previs-sandbox/review-event', recordId: 'r1', layerId: 'L1', action, reviewer: { name: m.name, role, keyId: m.signer.keyId } } }], m.signer, m.name, '2026-12-07T00:00:00Z');

const join_ = (m: TestMember, projectId?: string, store = createProjectStore(newProject('x'))) =>
  nodeClient(server.wsUrl, store, { token: studioToken(server.wsUrl, cred(m)), projectId, timeoutMs: 4000 }).then((c) => ({ c, store }));

describe('studio sign-in', () => {
  it('a member of the studio gets in; a member of another studio does not; no token does not', async () => {
    const { c } = await join_(legal);
    expect(c.status.getState().state).toBe('connected');
    await c.close();
    await expect(join_(outsider)).rejects.toThrow(/not issued by this studio's root/);
    const s = createProjectStore(newProject());
    await expect(nodeClient(server.wsUrl, s, { timeoutMs: 3000 })).rejects.toThrow();
  });

  it('an answer replayed, signed by another key, or for a made-up nonce is refused', async () => {
    const { nonce } = await (await fetch(`${server.httpUrl}/auth/challenge`)).json();
    const good = await answerChallenge(nonce, legal.certificatePem, (b) => legal.signer.sign(b));
    const once = await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(good) });
    expect(once.status).toBe(200);
    const replay = await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(good) });
    expect(replay.status).toBe(403);
    expect((await replay.json()).error).toMatch(/unknown, used or expired/);
    const { nonce: n2 } = await (await fetch(`${server.httpUrl}/auth/challenge`)).json();
    // Ari presents Lee's certificate but can only sign with Ari's own key
    const borrowed = await answerChallenge(n2, legal.certificatePem, (b) => artist.signer.sign(b));
    const r = await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(borrowed) });
    expect(r.status).toBe(403);
    expect((await r.json()).error).toMatch(/signature does not come from this certificate's key/);
    const made = await answerChallenge('made-up', legal.certificatePem, (b) => legal.signer.sign(b));
    expect((await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(made) })).status).toBe(403);
  });

  it('assets need a ticket from a signed challenge', async () => {
    const h = 'a'.repeat(64);
    expect((await fetch(`${server.httpUrl}/assets/${h}`)).status).toBe(401);
    const { nonce } = await (await fetch(`${server.httpUrl}/auth/challenge`)).json();
    const t = await (await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(await answerChallenge(nonce, artist.certificatePem, (b) => artist.signer.sign(b))) })).json();
    expect((await fetch(`${server.httpUrl}/assets/${h}`, { headers: { Authorization: `Ticket ${t.ticket}` } })).status).toBe(404);
  });
});

describe('sign-in and assets over the WebSocket alone (what the app uses)', () => {
  const host = () => new URL(server.wsUrl).host;
  const tokenOf = (answer: unknown) => async () => JSON.stringify(answer);
  const tryJoin = (token: () => Promise<string>) => nodeClient(server.wsUrl, createProjectStore(newProject('x')), { token, timeoutMs: 3000 });

  it('a self-made sign-in counts once, for this server, within the minute, and only with its own key', async () => {
    const once = await selfSignIn(host(), legal.certificatePem, (b) => legal.signer.sign(b));
    const c = await tryJoin(tokenOf(once));
    await c.close();
    await expect(tryJoin(tokenOf(once))).rejects.toThrow(/already used/);
    const elsewhere = await selfSignIn('studio.example.com:8787', legal.certificatePem, (b) => legal.signer.sign(b));
    await expect(tryJoin(tokenOf(elsewhere))).rejects.toThrow(/made for the server at studio\.example\.com:8787/);
    const stale = await answerChallenge(selfNonce(host(), new Date(Date.now() - 5 * 60_000), 'A'.repeat(22)), legal.certificatePem, (b) => legal.signer.sign(b));
    await expect(tryJoin(tokenOf(stale))).rejects.toThrow(/over a minute old/);
    const borrowed = await selfSignIn(host(), legal.certificatePem, (b) => artist.signer.sign(b));
    await expect(tryJoin(tokenOf(borrowed))).rejects.toThrow(/signature does not come from this certificate's key/);
    // a self-made nonce is no good at the HTTP ticket route, which hands out its own challenges
    const fresh = await selfSignIn(host(), legal.certificatePem, (b) => legal.signer.sign(b));
    expect((await fetch(`${server.httpUrl}/auth/ticket`, { method: 'POST', body: JSON.stringify(fresh) })).status).toBe(403);
  });

  it('assets go up once and come down checked over the signed-in socket; wrong bytes are refused', async () => {
    const { c } = await join_(artist);
    const t = socketAssets(c.provider);
    try {
      // over one part, so the parts are put together again on both sides
      const plate = new Uint8Array(1_300_000).map((_, i) => (i * 7) % 251);
      const h = createHash('sha256').update(plate).digest('hex');
      expect((await uploadMissing(t, [h], async () => plate)).uploaded).toEqual([h]);
      expect((await uploadMissing(t, [h], async () => plate)).uploaded).toEqual([]);
      const got = await fetchAsset(t, h);
      // compared as buffers: an element-by-element deep equal of a megabyte takes seconds
      expect(got.bytes && Buffer.from(got.bytes).equals(Buffer.from(plate))).toBe(true);
      const liar = await t.put('b'.repeat(64), new Uint8Array([1, 2, 3]));
      expect(liar).toMatchObject({ ok: false });
      if (!liar.ok) expect(liar.problem).toMatch(/422.*nothing stored/);
      const missing = await fetchAsset(t, 'c'.repeat(64));
      expect(missing.bytes).toBe(null);
      if (!missing.bytes) expect(missing.problem).toMatch(/missing on the studio server/);
    } finally {
      t.close();
      await c.close();
    }
  });
});

describe('who may append what', () => {
  it('legal approves; an artist claiming the legal role is refused and nobody sees the entry', async () => {
    const { c: cl, store: sl } = await join_(legal);
    const pid = sl.getState().project.id;
    const { c: ca, store: sa } = await join_(artist, pid);
    try {
      const approval = await review(sl.getState().project.ledger, legal, 'legal');
      sl.getState().execute('approve', (p) => ({ ...p, ledger: [...p.ledger, ...approval] }));
      await waitFor(() => sa.getState().project.ledger.length === approval.length, "the legal approval on the artist's machine");
      await cl.flushed();

      const forged = await review(sa.getState().project.ledger, artist, 'legal');
      sa.getState().execute('forge', (p) => ({ ...p, ledger: [...p.ledger, ...forged] }));
      await waitFor(() => ca.status.getState().state !== 'connected', 'the artist to be disconnected', 5000);
      await new Promise((r) => setTimeout(r, 300));
      expect(sl.getState().project.ledger.map((e) => e.hash)).toEqual(approval.map((e) => e.hash));
      const serverDoc = server.server.hocuspocus.documents.get(pid)!;
      expect(serverDoc.getArray('ledger').length).toBe(approval.length);

      // an artist's own review as artist (not an approval) is fine, signed by the artist's key
      const { c: ca2, store: sa2 } = await join_(artist, pid);
      const submit = await review(sa2.getState().project.ledger, artist, 'artist', 'submit');
      sa2.getState().execute('submit', (p) => ({ ...p, ledger: [...p.ledger, ...submit] }));
      await waitFor(() => sl.getState().project.ledger.length === approval.length + submit.length, 'the submit on the legal machine');
      await ca2.close();
    } finally {
      await ca.close();
      await cl.close();
    }
  });

  it('an update deleting a ledger entry is refused', async () => {
    const { c, store } = await join_(legal);
    const pid = store.getState().project.id;
    try {
      const entries = await review(store.getState().project.ledger, legal, 'legal');
      store.getState().execute('approve', (p) => ({ ...p, ledger: [...p.ledger, ...entries] }));
      await c.flushed();
      // a hand-made client edit, past the binding, that removes the first entry
      c.doc.transact(() => c.doc.getArray('ledger').delete(0, 1));
      await waitFor(() => c.status.getState().state !== 'connected', 'the deleting client to be disconnected', 5000);
      // whoever opens the project next still finds the entry
      const { c: later, store: ls } = await join_(artist, pid);
      expect(ls.getState().project.ledger.map((e) => e.hash)).toEqual(entries.map((e) => e.hash));
      await later.close();
    } finally {
      await c.close();
    }
  });

  it('a member revoked while connected is disconnected when the CRL changes, and cannot sign in again', async () => {
    const member = await studio.enrol('Rev Oked', 'rev@northlight.test', ['producer']);
    const { c } = await join_(member);
    expect(c.status.getState().state).toBe('connected');
    const serial = (await describeCertificate(member.certificatePem)).serial;
    writeFileSync(crlPath, await studio.crl([{ serial, date: new Date() }], 2));
    await waitFor(() => c.status.getState().state !== 'connected', 'the revoked member to be disconnected', 8000);
    await c.close();
    await expect(join_(member)).rejects.toThrow(/revoked/);
  });
});

describe('ledger checks on an open server (no studio root)', () => {
  it('still refuses an entry whose hash does not match', async () => {
    const open = await startStudioServer({ port: 0, dataDir: join(data.path, 'open') });
    try {
      const store = createProjectStore(newProject());
      const c = await nodeClient(open.wsUrl, store);
      const [e] = await review([], legal, 'legal');
      c.doc.transact(() => c.doc.getArray('ledger').push([{ ...e!, payload: { ...e!.payload, action: 'reject' } }]));
      await waitFor(() => c.status.getState().state !== 'connected', 'the client to be disconnected', 5000);
      expect(open.server.hocuspocus.documents.get(store.getState().project.id)?.getArray('ledger').length ?? 0).toBe(0);
      await c.close();
    } finally {
      await open.close();
    }
  });
});
