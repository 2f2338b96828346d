// The learned-model slot: a FRAN-shaped model plugs in through its card alone (here the runtime's
// interface stand-in `previs.fran-standin`, which is NOT a re-ager — it only has FRAN's contract), runs tiled
// through the runtime, and its delta is still confined to the face mask. Misfit cards are refused in words.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodePng } from '../plates/png';
import { getRuntime } from '../runtime';
import { findInstalled } from '../runtime/registry';
import { runtimeRunner } from './runtimeRunner';
import { FaceTracker } from './face/track';
import { deageFrame } from './pipeline';
import { DEFAULT_PARAMS } from './params';
import { runDeageJob } from './job';
import { learnedSlotProblems, prepareLearnedFeeds } from './learned';

describe('learned (FRAN-style) model slot', () => {
  it('runs a card-described model tiled through the runtime, confined to the face mask', async () => {
    const card = findInstalled('previs.fran-standin').card;
    expect(learnedSlotProblems(card)).toEqual([]);
    const runner = runtimeRunner(getRuntime(), 'wasm');
    const plate = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/grace_hopper.png')));
    const { points } = await new FaceTracker(runner, 24).next(plate);
    const res = await deageFrame(runner, plate, points, { ...DEFAULT_PARAMS, model: card.id, yearsYounger: 20 }, { learned: { model: card.id, card, sourceAge: 60 } });
    const run = runner.reports.find((r) => r.modelId === card.id)!;
    expect(run.tiles).toBeGreaterThanOrEqual(1);
    let outside = 0;
    for (let i = 0; i < res.mask.length; i++) if (!res.mask[i]) for (let c = 0; c < 4; c++) if (res.output.data[4 * i + c] !== plate.data[4 * i + c]) outside++;
    expect(outside).toBe(0);
    expect(res.changed).toBeGreaterThan(1000);
  }, 120_000);

  it('refuses to guess the source age: without one stated, a learned run stops with a clear message', async () => {
    const card = findInstalled('previs.fran-standin').card;
    const runner = runtimeRunner(getRuntime(), 'wasm');
    const plate = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/grace_hopper.png')));
    const job = runDeageJob(runner, {
      frames: [plate],
      frameCount: 1,
      fps: 24,
      params: { ...DEFAULT_PARAMS, model: card.id, sourceAge: null },
      learned: { model: card.id, card },
      video: false,
    });
    await expect(job).rejects.toThrow(/needs the actor's apparent age in the plate/);
  }, 120_000);

  it('writes the ages into the conditioning channels the card names, and refuses ages outside its range', () => {
    const card = findInstalled('previs.fran-standin').card;
    const S = 512;
    const crop = new Float32Array(3 * S * S).fill(0.5);
    const feeds = prepareLearnedFeeds(card, crop, S, { source: 60, target: 40 });
    const input = feeds.input!;
    expect(input.dims).toEqual([1, 5, S, S]);
    expect(input.data[3 * S * S]).toBeCloseTo(0.6, 6);
    expect(input.data[4 * S * S + 123]).toBeCloseTo(0.4, 6);
    expect(input.data[0]).toBeCloseTo(0.5, 6);
    expect(() => prepareLearnedFeeds(card, crop, S, { source: 60, target: 5 })).toThrow(/target age 5\.0 years is outside .* range 10–90/);
  });

  it('names what is missing when a card does not fit the slot', () => {
    const card = findInstalled('previs.fran-standin').card;
    const noAges = { ...card, conditioning: [] };
    expect(learnedSlotProblems(noAges).join('\n')).toMatch(/no "source" age conditioning parameter/);
    const noDelta = { ...card, outputs: card.outputs.map((o) => ({ ...o, semantics: 'mask' as const })) };
    expect(learnedSlotProblems(noDelta).join('\n')).toMatch(/no output with semantics rgb_delta or rgb/);
  });
});
