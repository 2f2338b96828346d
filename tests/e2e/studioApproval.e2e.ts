// Live review across machines on one studio server that holds the studio root (members sign in with their
// certificates): the artist (A) makes and submits a layer and the deliverable export is refused; the VFX supervisor
// (C) and the legal reviewer (B) approve on their own machines, B seeing "needs your approval" appear as A submits;
// A's export gate then passes and the bundle verifies against the studio root. Three profiles because a
// deliverable always needs a VFX supervisor's approval besides legal's, and nobody approves their own layer.
// The app is served from one port and the server listens on another: sign-in and the plate asset travel over the
// WebSocket alone, under the app's Content-Security-Policy (no plain-HTTP request may reach the server).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPerson, type App } from './harness';
import { addLayerOnPlate, press } from './reviewFixtures';
import { startStudioServer, type StudioServer } from '../../src/server/studioServer';
import { studioAuth } from '../../src/server/studioAuth';
import { tempDir } from '../../src/server/testServer.testutil';

const dir = mkdtempSync(join(tmpdir(), 'previs-approval-e2e-'));
const data = tempDir('previs-e2e-approval-');
let server: StudioServer;
let auth: Awaited<ReturnType<typeof studioAuth>>;
let a: App; // Ada, artist
let b: App; // Lee, legal
let c: App; // Sam, VFX supervisor
let rootPem: string;

beforeAll(async () => {
  // nobody here looks at the viewport: each profile draws it on demand from the moment it is open, so three
  // always-drawing viewports on two cores do not slow each other
  a = await openPerson(20_000);
  b = await openPerson(20_000);
  c = await openPerson(20_000);
}, 180_000);

afterAll(async () => {
  for (const x of [a, b, c]) await x?.close();
  auth?.close();
  await server?.close();
  data.remove();
});

/** Enrols `x` in Ada's studio: x makes the request, Ada (the administrator here) issues it, x imports it. */
async function enrolIn(x: App, name: string, email: string, roles: string[]): Promise<void> {
  const req = await x.page.evaluate(([n, e]) => (globalThis as any).__previs.disclosure.studio.startEnrolment(n, e), [name, email] as const);
  const issued = await a.page.evaluate(([r, rs]) => (globalThis as any).__previs.disclosure.studio.issueMember(r, rs, 30), [req, roles] as const);
  await x.page.evaluate(([cert, root]) => (globalThis as any).__previs.disclosure.studio.importMemberCertificate(cert, root), [issued.certificatePem, rootPem] as const);
  await x.page.waitForFunction(() => (globalThis as any).__previs.disclosure.studio.identity().standing?.ok === true);
}

async function openServerPanel(x: App): Promise<void> {
  await press(x.page, 'button[data-panel=studio-server]');
  await x.page.fill('[data-testid=studio-server]', server.wsUrl);
}

const card = '[data-testid=review-layer][data-layer-id=layer_sky]';
const plateBytes = readFileSync('tests/fixtures/faces/astronaut.png');

describe('a legal approval on another machine clears the deliverable', { timeout: 240_000 }, () => {
  let projectId: string;
  let plateHash: string;

  it('Ada runs the studio; Lee (legal) and Sam (supervisor) enrol; the server holds the root', async () => {
    ({ rootPem } = await a.page.evaluate(() => (globalThis as any).__previs.disclosure.enrolAs('Ada Artist', ['artist'], 'ada@northlight.example')));
    await enrolIn(b, 'Lee Legal', 'lee@northlight.example', ['legal']);
    await enrolIn(c, 'Sam Supervisor', 'sam@northlight.example', ['vfx-supervisor']);
    auth = await studioAuth({ rootPem });
    server = await startStudioServer({ port: 0, dataDir: data.path, extensions: auth.extensions, routesAuth: auth.routes });
    expect(new URL(server.wsUrl).port).not.toBe(new URL(a.origin).port);
  });

  it('Ada shares the project and makes a layer; Lee and Sam join', async () => {
    await openServerPanel(a);
    await press(a.page, '[data-testid=studio-connect]');
    projectId = (await a.page.textContent('[data-testid=studio-project-id]'))!;
    expect(projectId).toMatch(/^proj_/);
    // a landmark building in frame: third-party IP, so legal must clear it besides the supervisor
    plateHash = await addLayerOnPlate(a.page, {
      plateB64: plateBytes.toString('base64'),
      plate: { id: 'plate_sky', name: 'Skyline plate', file: 'skyline.png', depictsPerson: false, performerName: null },
      layer: { id: 'layer_sky', name: 'Storefront restored', thirdPartyIp: true, altersLikeness: false },
      output: 'sky replaced',
    });

    for (const x of [b, c]) {
      await openServerPanel(x);
      await x.page.fill('[data-testid=studio-join-id]', projectId);
      await press(x.page, '[data-testid=studio-join]');
      // the same id as the demo each profile starts with: wait for the shared copy itself, with Ada's layer
      await x.page.waitForFunction(() => Boolean((globalThis as any).__previs.studio.connection()?.binding));
      await press(x.page, 'button[data-panel=review]');
      await x.page.waitForSelector(`${card}[data-state=draft]`);
    }
    expect(await b.page.$('[data-testid=needs-approval-tab]')).toBe(null);
  });

  it('Ada submits: the deliverable is refused, and Lee sees "needs your approval" at once', async () => {
    await press(a.page, 'button[data-panel=review]');
    await press(a.page, `${card} [data-action=submit]`);
    await a.page.waitForSelector(`${card}[data-state=submitted]`);
    const refused = await a.page.evaluate(() => (globalThis as any).__previs.disclosure.gate('deliverable'));
    expect(refused.ok).toBe(false);
    for (const x of [b, c]) {
      await x.page.waitForSelector('[data-testid=needs-approval-tab]:text("1")');
      expect(await x.page.getAttribute('[data-testid=needs-approval]', 'data-count')).toBe('1');
    }
    // the maker is never asked to approve their own layer
    expect(await a.page.$('[data-testid=needs-approval-tab]')).toBe(null);
  });

  it('Sam and Lee approve on their own machines; the plate comes to Lee by hash over the WebSocket', async () => {
    await press(c.page, `${card} [data-action=approve]:not([disabled])`);
    await c.page.waitForSelector(`${card} >> text=awaiting approval by legal`);
    await c.page.waitForFunction(() => !document.querySelector('[data-testid=needs-approval-tab]'));
    // Lee's count stays: legal is still awaited
    await b.page.waitForSelector(`${card} >> text=awaiting approval by legal`);
    expect(await b.page.textContent('[data-testid=needs-approval-tab]')).toBe('1');
    await press(b.page, `${card} [data-action=approve]:not([disabled])`);
    await b.page.waitForSelector(`${card}[data-state=approved]`);
    await b.page.waitForFunction(() => !document.querySelector('[data-testid=needs-approval-tab]'));

    const digest = await b.page.evaluate((h) => (globalThis as any).__previs.exporter.assetDigest(h), plateHash);
    expect(digest).toEqual({ sha256: plateHash, byteLength: plateBytes.length });
  });

  it("Ada's export gate passes and the exported bundle verifies with the studio root", async () => {
    await a.page.waitForSelector(`${card}[data-state=approved]`);
    await a.page.evaluate(() => (globalThis as any).__previs.disclosure.authorityReady());
    const gate = await a.page.evaluate(() => (globalThis as any).__previs.disclosure.gate('deliverable'));
    expect(gate.ok, JSON.stringify(gate.refusals ?? gate)).toBe(true);
    const r = (await a.page.evaluate(() => (globalThis as any).__previs.exporter.run({ formats: ['png'], purpose: 'deliverable', width: 320 }))) as {
      ok: boolean;
      reason?: string;
      files: { name: string; b64: string }[];
    };
    expect(r.reason ?? '').toBe('');
    const out = join(dir, 'deliverable');
    mkdirSync(out, { recursive: true });
    for (const f of r.files) writeFileSync(join(out, f.name), Buffer.from(f.b64, 'base64'));
    const rootFile = join(dir, 'studio-root.pem');
    writeFileSync(rootFile, rootPem);
    const png = r.files.find((f) => f.name.endsWith('.png'))!.name;
    let v: string;
    try {
      v = execFileSync(process.execPath, ['bin/previs-verify.mjs', '--studio-root', rootFile, '--require-approved', join(out, png)], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`previs-verify failed: ${(e as { stdout: string }).stdout}`);
    }
    expect(v).toMatch(/approved by Lee Legal <lee@northlight\.example> as legal, certificate [0-9a-f]+: valid/);
    expect(v).toMatch(/approved by Sam Supervisor <sam@northlight\.example> as vfx-supervisor, certificate [0-9a-f]+: valid/);
    expect(v).toMatch(/all 1 file\(s\) verified/);

    // only the WebSocket reached the server: sign-in and assets never needed a plain-HTTP request
    const httpOrigin = server.httpUrl;
    for (const x of [a, b, c]) {
      expect(x.requests.filter((u) => u.startsWith(httpOrigin))).toEqual([]);
      expect(x.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
    }
  });
});
