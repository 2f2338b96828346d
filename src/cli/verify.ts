// previs-verify FILE… — checks exported PNG/MP4/GLB files and *.disclosure.json sidecars without the app.
// Exit status: 0 all verified; 1 any file failed or carries no disclosure; 2 usage error.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { isPublicKeyJwk, keyIdOf } from '../core/disclosure/crypto';
import { useSha256 } from '../core/export/bindBytes';
import { sniffContainer } from '../core/export/bindParts';
import { sidecarTargetName, verifyExport, type FileVerdict, type VerifyOptions } from '../core/export/bindVerify';
import { useC2paWasm } from '../core/export/c2pa/engine';
import { escapeBidi, escapeTerminal, formatVerdict } from './verifyFormat';
import { prepareTrust, type StudioTrust } from '../core/studio/member';
import { readdir, stat } from 'node:fs/promises';
import { loadForVerify, type LoadedFile } from './fileSource';

const HELP = `Usage: previs-verify [options] FILE…
       npm run verify -- [options] FILE…

Verifies the disclosures embedded in Previs Sandbox exports (PNG, MP4, GLB) and
in *.disclosure.json sidecars (the file a sidecar names is read from the same folder).
Recomputes every hash, checks the binding to the file's bytes, the bundle signature,
the hash chain of records, review events and consents, and the XMP summary.
A C2PA manifest (PNG caBX, MP4 C2PA uuid box) is validated with c2pa-rs: any failure
but an untrusted signing credential fails the file; a stripped one the export
announced fails too.

Options:
  --studio-root FILE   the studio root certificate (PEM) you trust. Approvals and
                       consents count only when signed by a member certificate
                       that chains to it, was valid when signed, is not revoked
                       and grants the role. A root carried inside a file is never
                       trusted.
  --crl FILE           a revocation list (PEM) signed by that root; repeatable.
                       The newest (highest number) wins, together with the one
                       the export carries.
  --require-approved   also fail unless every generated layer is approved at its
                       current output hash by studio members, likeness layers have
                       valid consent whose signed document is at hand, and the
                       export was signed by a studio member. Needs --studio-root.
  --consent-docs DIR   folder of signed consent documents, matched by SHA-256
                       (default: consent-documents/ beside each file)
  --trust FILE         JSON file of public keys (EC P-256 JWKs, or {"keys": [...]})
                       that may sign the export itself; a file signed by any
                       other key fails. It says nothing about who approved.
  --c2pa-trust FILE    PEM file of CA certificates to trust for C2PA signing
                       credentials (e.g. the exporter's local CA)
  --json               print the verdicts as JSON
  -h, --help           show this help

Exit status: 0 when every file verifies; 1 when any file fails or carries no
disclosure; 2 on a usage error.`;

interface Args {
  files: string[];
  studioRoot: string | null;
  crls: string[];
  consentDocs: string | null;
  requireApproved: boolean;
  trust: string | null;
  c2paTrust: string | null;
  json: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const a: Args = { files: [], studioRoot: null, crls: [], consentDocs: null, requireApproved: false, trust: null, c2paTrust: null, json: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    if (x === '-h' || x === '--help') return 'help';
    else if (x === '--require-approved') a.requireApproved = true;
    else if (x === '--json') a.json = true;
    else if (x === '--studio-root' || x === '--crl' || x === '--consent-docs') {
      const f = argv[++i];
      if (!f) return `${x} needs a ${x === '--consent-docs' ? 'folder' : 'PEM file'}`;
      if (x === '--studio-root') a.studioRoot = f;
      else if (x === '--crl') a.crls.push(f);
      else a.consentDocs = f;
    } else if (x === '--trust') {
      const f = argv[++i];
      if (!f) return '--trust needs a file';
      a.trust = f;
    } else if (x === '--c2pa-trust') {
      const f = argv[++i];
      if (!f) return '--c2pa-trust needs a PEM file';
      a.c2paTrust = f;
    } else if (x.startsWith('--')) return `unknown option ${x}`;
    else a.files.push(x);
  }
  if (a.files.length === 0) return 'no files given';
  if (a.requireApproved && !a.studioRoot) return '--require-approved needs --studio-root ROOT.pem: approvals cannot be checked without the studio root';
  return a;
}

async function loadTrust(path: string): Promise<string[]> {
  const raw = JSON.parse(await readFile(path, 'utf8')) as unknown;
  const list = Array.isArray(raw) ? raw : (raw as { keys?: unknown[] })?.keys;
  if (!Array.isArray(list)) throw new Error(`${path}: expected an array of JWKs or {"keys": [...]}`);
  const ids: string[] = [];
  for (const k of list) {
    if (!isPublicKeyJwk(k)) throw new Error(`${path}: an entry is not an EC P-256 public JWK`);
    ids.push(await keyIdOf(k));
  }
  return ids;
}

/** SHA-256 of every file in a folder (not recursive; files over 256 MiB are skipped), or an empty set. */
async function documentHashes(dir: string): Promise<Set<string>> {
  const out = new Set<string>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const n of names) {
    const p = join(dir, n);
    const st = await stat(p).catch(() => null);
    if (!st?.isFile() || st.size > 256 * 2 ** 20) continue;
    out.add(createHash('sha256').update(await readFile(p)).digest('hex'));
  }
  return out;
}

export async function verifyPath(path: string, opts: VerifyOptions): Promise<FileVerdict> {
  let loaded: LoadedFile;
  try {
    loaded = await loadForVerify(path);
  } catch (e) {
    return { file: path, kind: 'unknown', ok: false, undisclosed: false, problems: [`cannot read: ${(e as Error).message}`], notes: [], layers: [], signer: null, purpose: null, timing: null };
  }
  try {
    // a large movie is only partly in memory; the C2PA reader (c2pa-wasm) takes the whole file
    return await verifyLoaded(path, loaded.bytes, { ...opts, c2paBytes: () => readFile(path).then((b) => new Uint8Array(b)) });
  } finally {
    await loaded.close();
  }
}

async function verifyLoaded(path: string, bytes: Uint8Array, opts: VerifyOptions): Promise<FileVerdict> {
  if (sniffContainer(bytes) === null && sidecarTargetName(bytes) === null) {
    // a file that cannot embed (the HTML report) is checked through the sidecar next to it
    const sidecar = await readFile(`${path}.disclosure.json`).then((b) => new Uint8Array(b), () => null);
    if (sidecar) {
      const v = await verifyExport(`${path}.disclosure.json`, sidecar, { ...opts, sidecarTarget: bytes });
      return { ...v, file: `${path} (via its sidecar)` };
    }
  }
  const target = sidecarTargetName(bytes);
  let sidecarTarget: Uint8Array | null | undefined;
  if (target !== null) {
    // a sidecar names its file by base name only; never follow a path out of the folder
    sidecarTarget = await readFile(join(dirname(path), basename(target))).then((b) => new Uint8Array(b), () => null);
  }
  return verifyExport(path, bytes, { ...opts, sidecarTarget });
}

/** node:crypto hashes the media parts; the verifier core is otherwise the same code the browser runs. */
export function useNodeHashing(): void {
  useSha256((v) => new Uint8Array(createHash('sha256').update(v).digest()));
}

/** c2pa-rs's WebAssembly from node_modules validates C2PA manifests here as in the browser. */
export function useNodeC2pa(): void {
  const wasm = createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
  useC2paWasm(() => readFile(wasm));
}

export async function main(argv: string[]): Promise<number> {
  useNodeHashing();
  useNodeC2pa();
  const a = parseArgs(argv);
  if (a === 'help') {
    console.log(HELP);
    return 0;
  }
  if (typeof a === 'string') {
    console.error(`previs-verify: ${a}\n\n${HELP}`);
    return 2;
  }
  let trustedKeyIds: string[] | undefined;
  if (a.trust) {
    try {
      trustedKeyIds = await loadTrust(a.trust);
    } catch (e) {
      console.error(`previs-verify: ${(e as Error).message}`);
      return 2;
    }
  }
  let c2paTrustAnchorsPem: string | undefined;
  if (a.c2paTrust) {
    try {
      c2paTrustAnchorsPem = await readFile(a.c2paTrust, 'utf8');
      if (!c2paTrustAnchorsPem.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${a.c2paTrust}: no PEM certificate in it`);
    } catch (e) {
      console.error(`previs-verify: ${(e as Error).message}`);
      return 2;
    }
  }
  let trust: StudioTrust | null = null;
  if (a.studioRoot) {
    try {
      trust = { rootPem: await readFile(a.studioRoot, 'utf8'), crlPems: await Promise.all(a.crls.map((c) => readFile(c, 'utf8'))) };
      const t = await prepareTrust(trust);
      if (!a.json) console.log(`studio root: ${t.studio} (SHA-256 ${t.rootFingerprint})${t.crl ? `, revocation list #${t.crl.number}` : ''}`);
    } catch (e) {
      console.error(`previs-verify: ${escapeTerminal((e as Error).message)}`);
      return 2;
    }
  }
  const verdicts: FileVerdict[] = [];
  for (const f of a.files) {
    const documents = a.requireApproved ? await documentHashes(a.consentDocs ?? join(dirname(f), 'consent-documents')) : null;
    const v = await verifyPath(f, { requireApproved: a.requireApproved, trustedKeyIds, c2paTrustAnchorsPem, trust, documents });
    verdicts.push(v);
    if (!a.json) console.log(formatVerdict(v));
  }
  const failed = verdicts.filter((v) => !v.ok);
  if (a.json) {
    const out = verdicts.map(({ layers, ...v }) => ({
      ...v,
      layers: layers.map((l) => ({
        ...l.summary,
        frames: l.frames,
        approvedAtCurrentHash: l.approvedAtCurrentHash,
        consented: l.consented,
        approvals: l.report.approvals,
        uncounted: l.report.uncounted,
        consentRecordedBy: l.report.consentRecordedBy,
      })),
    }));
    // JSON escapes control characters already; bidirectional overrides it leaves raw, so escape them too
    console.log(escapeBidi(JSON.stringify(out, null, 2)));
  } else {
    console.log(escapeTerminal(failed.length === 0 ? `\nall ${verdicts.length} file(s) verified` : `\n${failed.length} of ${verdicts.length} file(s) failed: ${failed.map((v) => v.file).join(', ')}`));
  }
  return failed.length === 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/verify.ts')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      console.error(`previs-verify: ${(e as Error).stack ?? e}`);
      process.exit(2);
    },
  );
}
