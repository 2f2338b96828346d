// Projects and layers for the disclosure tests (and the e2e hook): a street with a building, an actor plate and
// a camera, and one finished layer per effect type. Hashes are real SHA-256 of deterministic bytes.
import type { EffectLayer, ModelRef, Plate, Project, RunReport } from '../document/schema';
import { createObject, createShot, identityTransform, newProject } from '../document/factory';
import { addObjects, upsertShot } from '../document/commands';
import { sha256Hex } from './crypto';

export const FIXTURE_EFFECTS = ['collapse', 'deage', 'deage-learned', 'relight-learned'] as const;
export type FixtureEffect = (typeof FIXTURE_EFFECTS)[number];

const common = (id: string, name: string) => ({
  id,
  name,
  parentId: null,
  transform: identityTransform([0, 0, 0]),
  visible: true,
  locked: false,
});

export interface FixtureScene {
  project: Project;
  sceneId: string;
  buildingId: string;
  plateId: string;
}

export async function fixtureScene(): Promise<FixtureScene> {
  let p = newProject('Disclosure fixture', '2026-11-30T00:00:00.000Z');
  const sceneId = p.sceneOrder[0]!;
  const building = createObject('building', { name: 'Tower' });
  const camera = createObject('camera', { name: 'A cam' });
  const plateHash = await sha256Hex('plate: actor close-up');
  const plate: Plate = {
    ...common('plate_fixture', 'Actor plate'),
    type: 'plate',
    assetId: plateHash,
    mediaKind: 'image',
    widthPx: 1920,
    heightPx: 1080,
    frameCount: 1,
    fps: 24,
    rights: 'owned',
    depictsPerson: true,
    performerName: 'Jo Performer',
  };
  p = addObjects(sceneId, [building, camera, plate])(p);
  p = upsertShot(sceneId, { ...createShot(camera.id, '1', 0, 48), id: 'shot_1' })(p);
  p = upsertShot(sceneId, { ...createShot(camera.id, '2', 48, 96), id: 'shot_2' })(p);
  return { project: p, sceneId, buildingId: building.id, plateId: plate.id };
}

const report = (backend = 'wasm'): RunReport => ({
  backend,
  adapter: null,
  fallbackReason: null,
  timingsMs: { total: 12.5 },
  peakMemoryBytes: null,
  softwareVersion: '0.1.0',
  startedAt: '2026-11-30T00:00:00.000Z',
});

async function model(id: string, kind: ModelRef['kind']): Promise<ModelRef> {
  return { id, version: '1.0.0', sha256: await sha256Hex(`weights of ${id}`), license: kind === 'learned' ? 'studio-internal' : 'MIT', kind };
}

/** A finished layer of the given effect; `run` changes the output bytes, as a re-run with new params would. */
export async function fixtureLayer(f: FixtureScene, effect: FixtureEffect, run = 1, id = `layer_${effect}`): Promise<EffectLayer> {
  const out = await sha256Hex(`${effect} output, run ${run}`);
  const base = {
    ...common(id, `${effect} layer`),
    type: 'effectLayer' as const,
    params: { strength: 0.5 + run / 100, label: 'ünïcødé ✓' },
    seed: 42 + run,
    status: 'done' as const,
    output: { assetId: out, contentHash: out },
    runReport: report(),
    frameRange: { start: 0, end: 47 },
    intendedUse: 'may-reach-final' as const,
    thirdPartyIp: false,
    consentId: null,
    runCount: run - 1,
  };
  switch (effect) {
    case 'collapse':
      return { ...base, effect, targetIds: [f.buildingId], models: [await model('voronoi-fracture', 'procedural')], inputHashes: {} } as EffectLayer;
    case 'deage':
      return { ...base, effect, targetIds: [f.plateId], models: [await model('deage-freqsep', 'procedural')], inputHashes: {}, altersLikeness: true } as EffectLayer;
    case 'deage-learned':
      return { ...base, effect: 'deage', targetIds: [f.plateId], models: [await model('fran-byo', 'learned')], inputHashes: {}, altersLikeness: true } as EffectLayer;
    case 'relight-learned':
      return { ...base, effect: 'relight', targetIds: [f.buildingId], models: [await model('relight-net', 'learned')], inputHashes: {}, intendedUse: 'previs-only' } as EffectLayer;
  }
}
