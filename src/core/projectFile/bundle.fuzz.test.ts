// The bundle fuzzer: seeded hostile .previs.zip files (damaged bytes, lying directories, bombs, stray and
// hostile entry names, swapped assets, fuzzed documents inside) through the same reader the app opens files
// with. Nothing throws or takes 2 s; a refusal names the file once and says what is wrong; every admitted bundle
// evaluates and reads back equal after saving. FUZZ_ZIPS / FUZZ_SEED widen or move the run.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { serializeProject } from '../document';
import { evaluateScene } from '../timeline/evaluate';
import { createRng } from '../util/prng';
import { ASSET_BYTES, ProjectFuzzer, expectPlainRefusal, richProject } from './projectFuzz.testutil';
import { DOC_NAME, MAX_DOCUMENT_BYTES, readProjectFile } from './read';

const CASES = Number(process.env.FUZZ_ZIPS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const NAME = 'fuzz.previs.zip';

const assetId = createHash('sha256').update(ASSET_BYTES).digest('hex');
const project = richProject(assetId);
const docText = serializeProject(project);

function patchHeaders(zip: Uint8Array, rnd: () => number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const huge = [0xffffffff, 0x7fffffff, 2 ** 31 + 5, 0, 1, 100];
  for (let i = 0; i + 30 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && rnd() < 0.5) dv.setUint32(i + 22, huge[Math.floor(rnd() * huge.length)]!, true);
    if (sig === 0x02014b50 && rnd() < 0.7) dv.setUint32(i + 24, huge[Math.floor(rnd() * huge.length)]!, true);
    if (sig === 0x02014b50 && rnd() < 0.2) dv.setUint16(i + 10, [0, 8, 12, 99][Math.floor(rnd() * 4)]!, true); // method
    if (sig === 0x06054b50 && rnd() < 0.3) dv.setUint16(i + 10, Math.floor(rnd() * 65536), true); // entry count
  }
  return out;
}

describe('bundle fuzzer', () => {
  it(`${CASES.toLocaleString('en')} mutated bundles: no throw, no hang, one plain sentence or a project that round-trips`, async () => {
    const rnd = createRng(SEED ^ 0x5a5a);
    const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    const docs = new ProjectFuzzer(project, rnd);
    const good = zipSync({ [DOC_NAME]: strToU8(docText), [`assets/${assetId}`]: ASSET_BYTES });
    const padded = new Uint8Array(MAX_DOCUMENT_BYTES + 4096).fill(32);
    padded.set(strToU8(docText));
    const bomb = zipSync({ [DOC_NAME]: padded, [`assets/${assetId}`]: ASSET_BYTES }, { level: 9 });
    let accepted = 0;
    let slowest = 0;
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      let bytes: Uint8Array;
      const kind = Math.floor(rnd() * 10);
      switch (kind) {
        case 0: {
          bytes = good.slice();
          for (let k = 0; k < 1 + rnd() * 16; k++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
          break;
        }
        case 1:
          bytes = good.slice(0, Math.floor(rnd() * good.length));
          break;
        case 2:
          bytes = zipSync({ [DOC_NAME]: strToU8(docs.next()), [`assets/${assetId}`]: ASSET_BYTES });
          break;
        case 3:
          bytes = patchHeaders(pick([good, bomb]), rnd);
          break;
        case 4: {
          const extra: Record<string, Uint8Array> = { [DOC_NAME]: strToU8(docText), [`assets/${assetId}`]: ASSET_BYTES };
          const names = ['__proto__', 'constructor', 'assets/__proto__', '../../outside', 'assets/' + '0'.repeat(64), '/abs', 'assets/', DOC_NAME.toUpperCase()];
          for (let k = 0; k < 1 + rnd() * 4; k++) extra[pick(names)] = strToU8('x'.repeat(Math.floor(rnd() * 100)));
          bytes = zipSync(extra);
          break;
        }
        case 5: {
          const tampered = ASSET_BYTES.slice();
          const at = Math.floor(rnd() * tampered.length);
          tampered[at] = tampered[at]! ^ (1 + Math.floor(rnd() * 255));
          bytes = zipSync(rnd() < 0.5 ? { [DOC_NAME]: strToU8(docText) } : { [DOC_NAME]: strToU8(docText), [`assets/${assetId}`]: tampered });
          break;
        }
        case 6:
          bytes = bomb;
          break;
        case 7:
          bytes = new Uint8Array([0x50, 0x4b, ...Array.from({ length: Math.floor(rnd() * 200) }, () => Math.floor(rnd() * 256))]);
          break;
        case 8:
          // the document stored, not deflated, with other entries deflated
          bytes = zipSync({ [DOC_NAME]: [strToU8(docText), { level: 0 }], [`assets/${assetId}`]: ASSET_BYTES });
          break;
        default:
          bytes = good;
      }
      const t0 = performance.now();
      let r: Awaited<ReturnType<typeof readProjectFile>>;
      try {
        r = await readProjectFile(NAME, bytes);
      } catch (e) {
        throw new Error(`zip case ${i} (kind ${kind}) threw: ${(e as Error).message}`);
      }
      if (r.ok) {
        accepted++;
        const p = r.project;
        for (const sceneId of Object.keys(p.scenes)) for (const f of [p.settings.frameIn, p.settings.frameOut - 1]) evaluateScene(p, sceneId, f);
        const files: Record<string, Uint8Array> = { [DOC_NAME]: strToU8(serializeProject(p)) };
        for (const [id, data] of r.assets ?? []) files[`assets/${id}`] = data;
        const again = await readProjectFile(NAME, zipSync(files));
        if (!again.ok) throw new Error(`zip case ${i}: the saved bundle is refused: ${again.error}`);
        if (serializeProject(again.project) !== serializeProject(p)) throw new Error(`zip case ${i}: the saved bundle reads back different`);
      } else {
        expectPlainRefusal(r.error, `zip case ${i}`);
        expect(r.error.startsWith(`${NAME}: `), `zip case ${i}: ${r.error}`).toBe(true);
        expect(r.error.split(NAME).length - 1, `zip case ${i}: names the file once`).toBe(1);
      }
      slowest = Math.max(slowest, performance.now() - t0);
    }
    const total = performance.now() - started;
    console.log(`bundle fuzzer: ${CASES} bundles (seed ${SEED}), ${accepted} admitted, ${CASES - accepted} refused, 0 throws; ${(total / 1000).toFixed(1)} s in all, slowest ${slowest.toFixed(0)} ms`);
    expect(slowest).toBeLessThan(2000);
    expect(accepted).toBeGreaterThan(CASES * 0.1);
    expect(CASES - accepted).toBeGreaterThan(CASES * 0.3);
  }, 600_000);
});
