// npm run export -- project.previs.json --out dir [--shots …] [--format png,mp4,glb,report,pdf,edl] [--deliverable]
// Drives the BUILT app (dist/) in headless system Chromium: opens the project through the app's own open path,
// exports through the disclosure gate, writes every file with its sidecar. Progress goes to stdout; failure
// (including a refused deliverable) exits non-zero with the reason.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { decryptPkcs8, readPassphrase } from './memberKey';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveDist } from './serveDist';

const HELP = `Usage: npm run export -- PROJECT --out DIR [options]

Exports a Previs Sandbox project without a person at the keyboard: the built app (dist/)
runs in headless Chromium, opens PROJECT (.previs.json or project bundle) and exports
through the disclosure gate. Every file gets its *.disclosure.json sidecar.

Options:
  --out DIR            folder to write into (created if missing)          (required)
  --format LIST        comma list of png,mp4,glb,report,pdf,edl           (default: all)
                       pdf: storyboard sheets; edl: CMX 3600 cut list
  --shots LIST         comma list of shot numbers or ids                  (default: all)
  --deliverable        ask the gate for a deliverable export (refused unless every
                       generated layer is approved at its current hash and consented)
  --studio-root FILE   the studio root certificate (PEM): approvals and consents count
                       only from member certificates that chain to it. Without it a
                       deliverable is refused (approvals cannot be checked).
  --crl FILE           a revocation list signed by that root (repeatable; newest wins)
  --member-cert FILE   the render node's member certificate (PEM), and
  --member-key FILE    its key, encrypted PKCS#8 from 'npm run studio -- request';
                       the passphrase from --passphrase-file FILE or STUDIO_PASSPHRASE.
                       The export is then signed by that member; a deliverable needs it.
  --consent-docs DIR   signed consent documents of the project's likeness layers
                       (a .previs.json carries only their hashes); written to
                       OUT/consent-documents/ with a deliverable
  --width PX           render width of stills and animatic                (default 1280)
  --draft              the animatic as a draft: half the width and height, DRAFT in
                       its slate and file title, written as animatic_DRAFT.mp4
                       (for quick cuts; refused with --deliverable)
  --dist DIR           the built app                                      (default: dist)
  --chromium PATH      browser executable                 (default: /usr/bin/chromium)
  --timeout S          give up after S seconds                            (default 900)
  -h, --help           show this help

Exit status: 0 exported; 1 export failed or was refused (reason on stderr); 2 usage error.`;

const FORMATS = ['png', 'mp4', 'glb', 'report', 'pdf', 'edl'];

interface Args {
  project: string;
  out: string;
  formats: string[];
  shots: string[];
  deliverable: boolean;
  width: number;
  draft: boolean;
  dist: string;
  chromium: string;
  timeoutS: number;
  studioRoot: string | null;
  crls: string[];
  memberCert: string | null;
  memberKey: string | null;
  passphraseFile: string | null;
  consentDocs: string | null;
}

function parseArgs(argv: string[]): Args | string {
  const a: Partial<Args> = {
    formats: FORMATS, shots: [], deliverable: false, width: 1280, draft: false, dist: 'dist', chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', timeoutS: 900,
    studioRoot: null, crls: [], memberCert: null, memberKey: null, passphraseFile: null, consentDocs: null,
  };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  try {
    for (let i = 0; i < argv.length; i++) {
      const x = argv[i]!;
      if (x === '-h' || x === '--help') return 'help';
      else if (x === '--out') a.out = value(i++, x);
      else if (x === '--format') a.formats = value(i++, x).split(',').map((s) => s.trim()).filter(Boolean);
      else if (x === '--shots') a.shots = value(i++, x).split(',').map((s) => s.trim()).filter(Boolean);
      else if (x === '--deliverable') a.deliverable = true;
      else if (x === '--width') a.width = Number(value(i++, x));
      else if (x === '--draft') a.draft = true;
      else if (x === '--dist') a.dist = value(i++, x);
      else if (x === '--chromium') a.chromium = value(i++, x);
      else if (x === '--timeout') a.timeoutS = Number(value(i++, x));
      else if (x === '--studio-root') a.studioRoot = value(i++, x);
      else if (x === '--crl') a.crls!.push(value(i++, x));
      else if (x === '--member-cert') a.memberCert = value(i++, x);
      else if (x === '--member-key') a.memberKey = value(i++, x);
      else if (x === '--passphrase-file') a.passphraseFile = value(i++, x);
      else if (x === '--consent-docs') a.consentDocs = value(i++, x);
      else if (x === '--passphrase') return 'the passphrase is never an argument: use --passphrase-file FILE or STUDIO_PASSPHRASE';
      else if (x.startsWith('-')) return `unknown option ${x}`;
      else if (!a.project) a.project = x;
      else return `unexpected argument ${x}`;
    }
  } catch (e) {
    return (e as Error).message;
  }
  if (!a.project) return 'no project file given';
  if (!a.out) return '--out is required';
  const bad = a.formats!.filter((f) => !FORMATS.includes(f));
  if (bad.length) return `unknown format ${bad.join(', ')} (use ${FORMATS.join(',')})`;
  if (!a.formats!.length) return '--format is empty';
  if (a.draft && a.deliverable) return '--draft cannot go with --deliverable: a draft animatic is for quick cuts, not delivery';
  if (!Number.isInteger(a.width) || a.width! < 16 || a.width! > 8192) return '--width must be a whole number of pixels, 16–8192';
  if (!(a.timeoutS! > 0)) return '--timeout must be positive';
  if (!!a.memberCert !== !!a.memberKey) return '--member-cert and --member-key go together';
  if (a.memberCert && !a.studioRoot) return '--member-cert needs --studio-root';
  return a as Args;
}

const say = (s: string) => console.log(`[export] ${s}`);

interface RunResult {
  ok: boolean;
  reason?: string;
  refusals?: { name: string; reasons: string[] }[];
  excluded?: { name: string; reasons: string[] }[];
  files?: { name: string; mime: string; b64: string }[];
}

async function exportWithBrowser(a: Args): Promise<number> {
  const dist = resolve(a.dist);
  if (!existsSync(join(dist, 'index.html'))) {
    console.error(`export: no built app in ${dist} — run "npm run build" first (or pass --dist)`);
    return 1;
  }
  let projectBytes: Buffer;
  try {
    projectBytes = await readFile(a.project);
  } catch (e) {
    console.error(`export: cannot read ${a.project}: ${(e as Error).message}`);
    return 1;
  }
  const server = await serveDist(dist);
  const profile = await mkdtemp(join(tmpdir(), 'previs-export-'));
  say(`serving ${dist} at ${server.origin}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: a.chromium,
    headless: true,
    args: [
      '--no-sandbox', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic', '--disable-dev-shm-usage', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
      '--use-angle=vulkan', '--enable-unsafe-swiftshader', '--disable-accelerated-2d-canvas',
    ],
    env: { ...process.env, VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
    viewport: { width: 1280, height: 800 },
    // a one-off run: no service worker precaching the whole app into a throwaway profile
    serviceWorkers: 'block',
  });
  const timer = setTimeout(() => {
    console.error(`export: timed out after ${a.timeoutS} s`);
    void context.close().finally(() => process.exit(1));
  }, a.timeoutS * 1000);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // nothing leaves localhost: the app serves everything it needs itself
    await page.route('**/*', (route) => (route.request().url().startsWith(server.origin) || route.request().url().startsWith('data:') || route.request().url().startsWith('blob:') ? route.continue() : route.abort()));
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.addInitScript('globalThis.__name = (f) => f');
    say('starting the app in headless Chromium');
    await page.goto(server.origin + '/');
    await page.waitForFunction(() => {
      const h = (globalThis as unknown as { __previs?: { ready?: { done: boolean }; exporter?: unknown } }).__previs;
      return !!h?.ready?.done && !!h.exporter;
    }, undefined, { timeout: 120_000 });
    say(`opening ${basename(a.project)}`);
    const opened = (await page.evaluate(
      ([name, b64]) => (globalThis as any).__previs.exporter.openProject(name, b64),
      [basename(a.project), projectBytes.toString('base64')] as const,
    )) as { ok: boolean; name?: string; error?: string };
    if (!opened.ok) {
      console.error(`export: the app refused the project: ${opened.error}`);
      return 1;
    }
    let trust: { rootPem: string; crlPems: string[] } | null = null;
    if (a.studioRoot) {
      trust = { rootPem: await readFile(a.studioRoot, 'utf8'), crlPems: await Promise.all(a.crls.map((c) => readFile(c, 'utf8'))) };
    }
    if (a.memberCert && a.memberKey && trust) {
      const pass = await readPassphrase(a.passphraseFile);
      if (!pass) {
        console.error('export: no passphrase for --member-key: give --passphrase-file FILE or set STUDIO_PASSPHRASE');
        return 2;
      }
      const pkcs8 = decryptPkcs8(await readFile(a.memberKey, 'utf8'), pass);
      const m = (await page.evaluate(
        ([k, c, r, l]) => (globalThis as any).__previs.exporter.adoptMember(k, c, r, l),
        [pkcs8.toString('base64'), await readFile(a.memberCert, 'utf8'), trust.rootPem, trust.crlPems] as const,
      )) as { ok: boolean; name?: string; error?: string };
      if (!m.ok) {
        console.error(`export: the member certificate does not count: ${m.error}`);
        return 1;
      }
      say(`signing as studio member ${m.name}`);
    }
    if (a.consentDocs) {
      const docs = [];
      for (const n of await readdir(a.consentDocs)) docs.push({ b64: (await readFile(join(a.consentDocs, n))).toString('base64'), mime: 'application/octet-stream' });
      await page.evaluate((d) => (globalThis as any).__previs.exporter.addDocuments(d), docs);
      say(`${docs.length} consent document(s) at hand`);
    }
    say(`opened "${opened.name}"; exporting ${a.formats.join(', ')} as ${a.deliverable ? 'deliverable' : 'previs'}${a.shots.length ? `, shots ${a.shots.join(', ')}` : ''}`);
    let seen = 0;
    let last = '';
    const poll = setInterval(() => {
      void page
        .evaluate(() => (globalThis as any).__previs.exporter.progressLog.slice() as { text: string; fraction: number }[])
        .then((log) => {
          for (const p of log.slice(seen)) {
            // one line per step and per 10 %, not per frame
            const line = `${(Math.floor(p.fraction * 10) * 10).toString().padStart(3)}% ${p.text}`;
            if (line !== last) say(line);
            last = line;
          }
          seen = log.length;
        })
        .catch(() => {});
    }, 300);
    const req = { formats: a.formats, shots: a.shots, purpose: a.deliverable ? 'deliverable' : 'previs', width: a.width, draft: a.draft, trust };
    const r = (await page.evaluate((q) => (globalThis as any).__previs.exporter.run(q), req)) as RunResult;
    clearInterval(poll);
    if (!r.ok) {
      console.error(`export: ${r.reason ?? 'failed'}`);
      return 1;
    }
    for (const x of r.excluded ?? []) say(`left out "${x.name}": ${x.reasons.join('; ')}`);
    await mkdir(a.out, { recursive: true });
    for (const f of r.files ?? []) {
      const bytes = Buffer.from(f.b64, 'base64');
      // one folder level is allowed: consent-documents/ beside the deliverable
      const sub = f.name.startsWith('consent-documents/') ? 'consent-documents' : '';
      await mkdir(join(a.out, sub), { recursive: true });
      const target = join(a.out, sub, basename(f.name));
      await writeFile(target, bytes);
      say(`wrote ${target} (${bytes.length} bytes)`);
    }
    say(`done: ${(r.files ?? []).length} files`);
    return 0;
  } catch (e) {
    console.error(`export: ${(e as Error).message}`);
    return 1;
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
    await server.close();
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  }
}

export async function main(argv: string[]): Promise<number> {
  const a = parseArgs(argv);
  if (a === 'help') {
    console.log(HELP);
    return 0;
  }
  if (typeof a === 'string') {
    console.error(`export: ${a}\n\n${HELP}`);
    return 2;
  }
  return exportWithBrowser(a);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/export.ts')) {
  main(process.argv.slice(2)).then((code) => process.exit(code), (e) => {
    console.error(`export: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
