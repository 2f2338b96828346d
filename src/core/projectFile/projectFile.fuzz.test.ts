// The project-file fuzzer: thousands of seeded hostile files through the same admission the app uses. Every file
// is refused with one "where: what" line or admitted; nothing throws or takes 2 s; every admitted project
// evaluates at every frame we try, saves, and reads back equal. FUZZ_CASES / FUZZ_SEED widen or move the run.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serializeProject } from '../document';
import { buildDemoProject } from '../document/demo';
import { evaluateScene } from '../timeline/evaluate';
import { createRng } from '../util/prng';
import { admitProjectText } from './admit';
import { ASSET_BYTES, ProjectFuzzer, expectPlainRefusal, richProject } from './projectFuzz.testutil';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const assetId = createHash('sha256').update(ASSET_BYTES).digest('hex');

describe('project file fuzzer', () => {
  it(`${CASES.toLocaleString('en')} mutated files: no throw, no hang, every admitted project evaluates and round-trips`, () => {
    const rnd = createRng(SEED);
    const fuzzers = [new ProjectFuzzer(buildDemoProject(), rnd), new ProjectFuzzer(richProject(assetId), rnd)];
    let accepted = 0;
    let slowest = 0;
    let slowestCase = -1;
    const started = performance.now();
    for (let i = 0; i < CASES; i++) {
      const text = fuzzers[i % fuzzers.length]!.next();
      const t0 = performance.now();
      let r: ReturnType<typeof admitProjectText>;
      try {
        r = admitProjectText(text);
      } catch (e) {
        throw new Error(`case ${i} threw: ${(e as Error).message}`);
      }
      if (r.ok) {
        accepted++;
        const p = r.project;
        const { frameIn, frameOut } = p.settings;
        for (const sceneId of Object.keys(p.scenes)) {
          for (const frame of [frameIn, frameIn + 0.5, Math.floor((frameIn + frameOut) / 2), frameOut - 1, frameOut + 100]) {
            const e = evaluateScene(p, sceneId, frame);
            for (const o of Object.values(e.objects)) {
              const t = o.transform;
              if (![...t.position, ...t.rotation, ...t.scale].every(Number.isFinite)) throw new Error(`case ${i}: ${o.id} is not finite at ${frame}`);
            }
          }
        }
        // saved and read back: the same canonical text, so the same document
        const saved = serializeProject(p);
        const again = admitProjectText(saved);
        if (!again.ok) throw new Error(`case ${i}: the saved copy is refused: ${again.error}`);
        if (serializeProject(again.project) !== saved) throw new Error(`case ${i}: the saved copy reads back different`);
      } else expectPlainRefusal(r.error, `case ${i}`);
      const ms = performance.now() - t0;
      if (ms > slowest) [slowest, slowestCase] = [ms, i];
    }
    const total = performance.now() - started;
    console.log(
      `project fuzzer: ${CASES} cases (seed ${SEED}), ${accepted} admitted, ${CASES - accepted} refused, 0 throws; ` +
        `${(total / 1000).toFixed(1)} s in all, slowest case #${slowestCase} ${slowest.toFixed(0)} ms`,
    );
    expect(slowest).toBeLessThan(2000);
    // both outcomes must be common, or one half of the checks above is idle
    expect(accepted).toBeGreaterThan(CASES * 0.1);
    expect(CASES - accepted).toBeGreaterThan(CASES * 0.3);
  }, 600_000);
});
