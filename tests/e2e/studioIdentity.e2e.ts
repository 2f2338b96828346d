// The honest path across machines: four browser profiles (separate storage) — an administrator, an artist, a VFX
// supervisor and a legal reviewer. Enrolment is by file exchange through the Studio panel (request → certificate
// → import); the project travels as the app saves it. The artist makes and submits a layer, the supervisor and
// legal approve and legal records consent on their own profiles, the artist's deliverable export succeeds, and
// `previs-verify --studio-root --require-approved` passes it and names each approver.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPerson, type App } from './harness';
import { addLayerOnPlate, dismissNotices, press } from './reviewFixtures';

const dir = mkdtempSync(join(tmpdir(), 'previs-studio-e2e-'));
let admin: App;
let artist: App;
let sup: App;
let legal: App;

beforeAll(async () => {
  // nobody here looks at the viewport: always-drawing viewports on two cores only slow each other, so each
  // profile draws on demand from the moment it is open
  admin = await openPerson(120_000);
  artist = await openPerson(120_000);
  sup = await openPerson(120_000);
  legal = await openPerson(120_000);
}, 600_000);

afterAll(async () => {
  for (const a of [admin, artist, sup, legal]) await a?.close();
});

async function download(page: Page, click: () => Promise<unknown>, name: string): Promise<string> {
  await dismissNotices(page);
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]).catch(async (e) => {
    const notes = await page.$$eval('.notice, [data-testid=notice], .notices *', (els) => els.map((x) => x.textContent)).catch(() => []);
    await page.screenshot({ path: join(dir, `fail-${name}.png`) });
    console.log('SCREENSHOT', join(dir, `fail-${name}.png`));
    throw new Error(`no download of ${name} (${(e as Error).message.split('\n')[0]}); notices: ${JSON.stringify(notes)}`);
  });
  const to = join(dir, name);
  writeFileSync(to, readFileSync((await d.path())!));
  return to;
}

const studioPanel = (p: Page) => p.click('button[data-panel=studio]');

async function enrol(app: App, name: string, email: string, roles: string[], rootFile: string): Promise<void> {
  const p = app.page;
  await studioPanel(p);
  await p.fill('[aria-label="enrol name"]', name);
  await p.fill('[aria-label="enrol email"]', email);
  const req = await download(p, () => p.click('text=Make enrolment request'), `${email}.request.pem`);
  expect(readFileSync(req, 'utf8')).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
  // the administrator, on their own machine, issues the certificate with exactly these roles
  const a = admin.page;
  await studioPanel(a);
  await a.setInputFiles('[data-testid=studio-request-file]', req);
  for (const r of ['artist', 'vfx-supervisor', 'producer', 'legal', 'performer-rep']) await a.setChecked(`[data-role=${r}]`, roles.includes(r));
  const cert = await download(a, () => a.click('text=Issue certificate'), `${email}.cert.pem`);
  // the person imports it with the studio root
  await p.setInputFiles('[data-testid=studio-cert-file]', cert);
  await p.setInputFiles('[data-testid=studio-root-file]', rootFile);
  await dismissNotices(p);
  await p.click('[data-testid=studio-enrol] button:text("Import")');
  await p.waitForSelector(`[data-testid=identity][data-enrolled=yes]:has-text("${name}")`);
}

/** The project as the app saves it, opened on another profile. */
async function handOver(from: App, to: App): Promise<void> {
  const f = await from.page.evaluate(() => (globalThis as any).__previs.exporter.saveProject());
  const r = await to.page.evaluate(([n, b]) => (globalThis as any).__previs.exporter.openProject(n, b), [f.name, f.b64] as const);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
}

const card = '[data-testid=review-layer][data-layer-id=layer_jo]';

describe('studio identity across four profiles', { timeout: 900_000 }, () => {
  let rootFile: string;

  it('the administrator makes the studio root and enrols three people by file exchange', async () => {
    const a = admin.page;
    await studioPanel(a);
    await a.click('[data-testid=studio-admin] summary');
    await a.fill('[aria-label="studio name"]', 'Northlight Pictures');
    await a.click('text=Create studio root');
    rootFile = await download(a, () => a.click('text=Export root certificate'), 'studio-root.pem');
    expect(execFileSync('openssl', ['x509', '-in', rootFile, '-noout', '-subject'], { encoding: 'utf8' })).toMatch(/Northlight Pictures studio root/);
    await enrol(artist, 'Ada Artist', 'ada@northlight.example', ['artist'], rootFile);
    await enrol(sup, 'Sam Supervisor', 'sam@northlight.example', ['vfx-supervisor'], rootFile);
    await enrol(legal, 'Lee Legal', 'lee@northlight.example', ['legal'], rootFile);
    expect(await admin.page.$$eval('[data-testid=studio-members] tr', (rows) => rows.length)).toBe(3);
    // the issued certificates are standard: openssl chains them to the root
    expect(execFileSync('openssl', ['verify', '-CAfile', rootFile, join(dir, 'lee@northlight.example.cert.pem')], { encoding: 'utf8' })).toMatch(/OK/);
  });

  it('the artist makes and submits a layer; an artist cannot approve', async () => {
    const p = artist.page;
    await studioPanel(p);
    await dismissNotices(p);
    await p.click('text=Move project into Northlight Pictures');
    await p.waitForSelector('[data-testid=studio-project] .ok');
    const plateB64 = readFileSync('tests/fixtures/faces/astronaut.png').toString('base64');
    await addLayerOnPlate(p, {
      plateB64,
      plate: { id: 'plate_jo', name: 'Jo close-up', file: 'jo.png', depictsPerson: true, performerName: 'Jo Performer' },
      layer: { id: 'layer_jo', name: 'Jo de-aged', thirdPartyIp: false, altersLikeness: true },
      output: 'de-aged',
    });
    await p.click('button[data-panel=review]');
    await p.click(`${card} [data-action=submit]`);
    await p.waitForSelector(`${card}[data-state=submitted]`);
    expect(await p.textContent(`${card} [data-testid=approve-blocked]`)).toMatch(/your certificate grants artist/);
    expect(await p.isDisabled(`${card} [data-action=approve]`)).toBe(true);
  });

  it('the supervisor and legal approve on their own profiles; legal records consent with the signed document', async () => {
    await handOver(artist, sup);
    await press(sup.page, 'button[data-panel=review]');
    await sup.page.waitForSelector(`${card}[data-state=submitted]`);
    const blocked = await sup.page.$eval(`${card}`, (el) => el.querySelector('[data-testid=approve-blocked]')?.textContent ?? '');
    expect(blocked).toBe('');
    await press(sup.page, `${card} [data-action=approve]:not([disabled])`);
    await sup.page.waitForSelector(`${card} >> text=awaiting approval by legal`);
    await handOver(sup, legal);
    const p = legal.page;
    await press(p, 'button[data-panel=review]');
    await press(p, `${card} [data-action=approve]:not([disabled])`);
    await p.waitForSelector(`${card}[data-state=approved]`);
    await press(p, 'button[data-panel=consent]');
    await press(p, 'text=New consent record…');
    await p.fill('[aria-label="intended use"]', 'De-age Jo by about fifteen years for the flashback shots of this film');
    await p.fill('[aria-label="signed date"]', '2026-11-01');
    await p.setInputFiles('[aria-label="signed document"]', { name: 'jo-consent.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 Jo Performer consents (signed)') });
    await p.waitForSelector('text=attached jo-consent.pdf');
    await press(p, '[data-testid=record-consent]');
    await p.waitForSelector('[data-testid=consent-item]');
    await press(p, 'button[data-panel=review]');
    await press(p, '[data-testid=check-deliverable]');
    await p.waitForSelector('[data-testid=gate-result][data-ok=true]');
  });

  it("the artist's deliverable export succeeds, and previs-verify --studio-root --require-approved names each approver", async () => {
    await handOver(legal, artist);
    const r = (await artist.page.evaluate(() => (globalThis as any).__previs.exporter.run({ formats: ['png'], purpose: 'deliverable', width: 320 }))) as {
      ok: boolean;
      reason?: string;
      files: { name: string; b64: string }[];
    };
    expect(r.reason ?? '').toBe('');
    const out = join(dir, 'deliverable');
    mkdirSync(join(out, 'consent-documents'), { recursive: true });
    for (const f of r.files) writeFileSync(join(out, f.name), Buffer.from(f.b64, 'base64'));
    const png = r.files.find((f) => f.name.endsWith('.png'))!.name;
    let v: string;
    try {
      v = execFileSync(process.execPath, ['bin/previs-verify.mjs', '--studio-root', rootFile, '--require-approved', join(out, png)], { encoding: 'utf8' });
    } catch (e) {
      throw new Error(`previs-verify failed: ${(e as { stdout: string }).stdout}`);
    }
    expect(v).toMatch(/approved by Sam Supervisor <sam@northlight\.example> as vfx-supervisor, certificate [0-9a-f]+: valid/);
    expect(v).toMatch(/approved by Lee Legal <lee@northlight\.example> as legal, certificate [0-9a-f]+: valid/);
    expect(v).toMatch(/consent recorded by Lee Legal <lee@northlight\.example>, certificate [0-9a-f]+: valid/);
    expect(v).toMatch(/exported by studio member Ada Artist <ada@northlight\.example>/);
    expect(v).toMatch(/all 1 file\(s\) verified/);
    for (const a of [admin, artist, sup, legal]) expect(a.errors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
