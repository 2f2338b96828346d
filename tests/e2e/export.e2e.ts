// Exports end to end: the headless CLI drives the built app (dist) in Chromium, the verifier CLI checks what it
// wrote, third-party readers read it, and a refused deliverable exits non-zero with its reason. Then the in-app
// drop zone verifies files, and the review report renders hostile names as text in a real browser.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrolRenderNode, type RenderNode } from './renderNode';
import { forgeries } from '../../src/core/studio/forgeries.testutil';
import { buildTestProject } from '../../src/core/export/bindProject.testutil';
import { DIST, openApp, type App } from './harness';
import { readPdf } from '../../src/core/export/pdf/pdfRead.testutil';
import { readEdl } from '../../src/core/export/edlRead.testutil';

const run = promisify(execFile);
// each CLI run starts the built app in a fresh Chromium; on a loaded 2-core machine that alone can take minutes
const CLI_TIMEOUT = 600_000;
const root = mkdtempSync(join(tmpdir(), 'previs-export-e2e-'));

async function cli(script: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', script, ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 600_000 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: typeof x.code === 'number' ? x.code : 1, out: x.stdout, err: x.stderr };
  }
}

let pendingFile: string;
let approvedFile: string;
let node: RenderNode;
let pendingRoot: string;
let docs: string;
let forgedFile: string;

beforeAll(async () => {
  const pending = await buildTestProject({ approved: false, layerName: '<img src=x onerror=alert(1)>' });
  const approved = await buildTestProject({ approved: true });
  node = await enrolRenderNode(approved.studio, root);
  pendingRoot = join(root, 'pending-root.pem');
  writeFileSync(pendingRoot, pending.studio.rootPem);
  docs = join(root, 'docs');
  mkdirSync(docs);
  writeFileSync(join(docs, 'ada-consent.pdf'), approved.consentDocument);
  // an attacker's project: a key that registered itself in the ledger approves as legal
  const forged = (await forgeries()).list[0]!;
  forgedFile = join(root, 'forged.previs.json');
  writeFileSync(forgedFile, JSON.stringify(forged.project));
  writeFileSync(join(root, 'forged-root.pem'), forged.rootPem);
  pendingFile = join(root, 'pending.previs.json');
  approvedFile = join(root, 'approved.previs.json');
  writeFileSync(pendingFile, JSON.stringify(pending.project));
  writeFileSync(approvedFile, JSON.stringify(approved.project));
});

describe('headless export CLI', () => {
  it('exports PNG, GLB, the report, the storyboard PDF and the EDL of a previs project; the verifier passes every file', async () => {
    const out = join(root, 'previs');
    const r = await cli('src/cli/export.ts', [pendingFile, '--out', out, '--dist', DIST, '--format', 'png,glb,report,pdf,edl', '--width', '640']);
    expect(r.err + r.out).not.toMatch(/export: /);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[export\]\s+\d+% rendering still of shot 1/);
    const files = readdirSync(out).sort();
    expect(files).toEqual(['Scene_1.edl', 'Scene_1.edl.disclosure.json', 'Scene_1.glb', 'Scene_1.glb.disclosure.json', 'review-report.html', 'review-report.html.disclosure.json', 'shot_1_take1.png', 'shot_1_take1.png.disclosure.json', 'storyboard.pdf', 'storyboard.pdf.disclosure.json']);
    // the storyboard PDF: read back by poppler; the EDL: by the CMX 3600 reader, one event for the one shot
    const sheet = await readPdf(new Uint8Array(readFileSync(join(out, 'storyboard.pdf'))));
    expect(sheet.pdfinfoWarnings).toBe('');
    expect(sheet.pages[0]!.images).toHaveLength(1);
    expect(sheet.pages[0]!.text.join('\n')).toMatch(/Page 1 of 1/);
    const edl = readEdl(readFileSync(join(out, 'Scene_1.edl'), 'utf8'), [24, 1]);
    expect(edl.events.length).toBeGreaterThan(0);
    expect(edl.events[0]!.timecodes[2]).toBe('01:00:00:00');
    const v = await cli('src/cli/verify.ts', files.map((f) => join(out, f)).filter((f) => !/\.(html|pdf|edl)(\.disclosure\.json)?$/.test(f) || f.endsWith('.html.disclosure.json')));
    expect(v.out).toMatch(/all 5 file\(s\) verified/);
    expect(v.code).toBe(0);
    // the layers are pending review: a gatekeeping pipeline step catches that
    const strict = await cli('src/cli/verify.ts', ['--studio-root', pendingRoot, '--require-approved', join(out, 'shot_1_take1.png')]);
    expect(strict.code).toBe(1);
    expect(strict.out).toMatch(/not approved at its current output hash/);
    // a standard decoder reads the still
    const probe = await run('/usr/bin/ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height,codec_name', '-of', 'csv=p=0', join(out, 'shot_1_take1.png')]);
    expect(probe.stdout.trim()).toMatch(/^png,640,\d+$/);
  }, CLI_TIMEOUT);

  it('refuses a deliverable with pending layers: non-zero exit naming them', async () => {
    const r = await cli('src/cli/export.ts', [pendingFile, '--out', join(root, 'refused'), '--dist', DIST, '--format', 'png', '--deliverable', '--studio-root', pendingRoot]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/deliverable export refused/);
    expect(r.err).toMatch(/review is submitted/);
  }, CLI_TIMEOUT);

  it('refuses a deliverable whose legal approval comes from a self-registered key, naming why', async () => {
    const r = await cli('src/cli/export.ts', [forgedFile, '--out', join(root, 'forged'), '--dist', DIST, '--format', 'png', '--deliverable', '--studio-root', join(root, 'forged-root.pem')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/approve by Lee Legal as legal does not count: unverified — not signed by an enrolled member/);
  }, CLI_TIMEOUT);

  it('exports a deliverable of an approved project that passes --require-approved', async () => {
    const out = join(root, 'final');
    const r = await cli('src/cli/export.ts', [
      approvedFile, '--out', out, '--dist', DIST, '--format', 'png,mp4,glb', '--deliverable', '--width', '320',
      '--studio-root', node.rootFile, '--member-cert', node.certFile, '--member-key', node.keyFile, '--passphrase-file', node.passFile, '--consent-docs', docs,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/signing as studio member Render Node/);
    // the consent document travels beside the deliverable, where the verifier looks for it
    expect(readdirSync(join(out, 'consent-documents'))).toHaveLength(1);
    const v = await cli('src/cli/verify.ts', ['--studio-root', node.rootFile, '--require-approved', join(out, 'shot_1_take1.png'), join(out, 'animatic.mp4'), join(out, 'Scene_1.glb')]);
    expect(v.out).toMatch(/approved by Lee Legal <lee@northlight\.example> as legal, certificate [0-9a-f]+: valid/);
    expect(v.out).toMatch(/exported by studio member Render Node/);
    expect(v.out).toMatch(/all 3 file\(s\) verified/);
    expect(v.out).toMatch(/layer layer-collapse .* frames 12–39/);
    expect(v.code).toBe(0);
    // the animatic still probes: 48 frames at 24 fps = 2 s
    const p = await run('/usr/bin/ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'format=duration:stream=nb_read_frames', '-of', 'json', join(out, 'animatic.mp4')]);
    const j = JSON.parse(p.stdout) as { format: { duration: string }; streams: { nb_read_frames: string }[] };
    expect(Number(j.streams[0]!.nb_read_frames)).toBe(48);
    expect(Number(j.format.duration)).toBeCloseTo(2, 2);
  }, CLI_TIMEOUT);

  it('fails clearly on a project file that is not one', async () => {
    const bad = join(root, 'bad.previs.json');
    writeFileSync(bad, '{"kind":"nope"}');
    const r = await cli('src/cli/export.ts', [bad, '--out', join(root, 'bad'), '--dist', DIST, '--format', 'glb']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/refused the project/);
  }, CLI_TIMEOUT);
});

describe('in the app', () => {
  let app: App;
  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the drop zone verifies a good file and names a tampered one', async () => {
    const dir = join(root, 'previs');
    const png = readFileSync(join(dir, 'shot_1_take1.png'));
    const bad = Buffer.from(png);
    bad[bad.length - 200] = bad[bad.length - 200]! ^ 0x10;
    const tampered = join(root, 'tampered.png');
    writeFileSync(tampered, bad);
    await app.page.click('[data-panel=export]');
    await app.page.setInputFiles('[data-testid=verify-input]', [join(dir, 'shot_1_take1.png'), tampered]);
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid=verdicts] li').length === 2);
    const items = await app.page.$$eval('[data-testid=verdicts] li', (ls) => ls.map((l) => ({ ok: l.getAttribute('data-ok'), text: l.textContent ?? '' })));
    expect(items[0]!.ok).toBe('true');
    expect(items[1]!.ok).toBe('false');
    expect(items[1]!.text).toMatch(/bundle|changed|CRC mismatch/);
  });

  it('the review report shows a hostile layer name as text and runs nothing', async () => {
    const html = readFileSync(join(root, 'previs', 'review-report.html'), 'utf8');
    const page = await app.context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.setContent(html);
    const text = await page.textContent('body');
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await page.$$eval('img', (imgs) => imgs.filter((i) => !i.getAttribute('src')?.startsWith('data:image/png')).length)).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });
});
