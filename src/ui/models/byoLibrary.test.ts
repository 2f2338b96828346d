// Brought models across reloads, in Node on fake-indexeddb with the real runtime checks: saved, read back and
// checked again, refused when the stored bytes no longer match, removable; a full disk is reported.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addObjects } from '../../core/document/commands';
import { fixtureLayer, fixtureScene } from '../../core/disclosure/fixtures';
import { getRuntime } from '../../effects/runtime';
import { validateModel } from '../../effects/runtime/validate';
import { idbAll, idbPut } from '../../store/idb';
import { keepByoModel, removeByoModel, restoreByoModels, type StoredByoModel } from './byoLibrary';
import { useByoModels } from './byoModels';
import { installedShas, missingModels } from './missingModels';

const cardJson = JSON.parse(readFileSync('models/procedural/previs.gauss-blur.card.json', 'utf8')) as unknown;
const bytes = new Uint8Array(readFileSync('models/procedural/previs.gauss-blur.onnx'));
const validate = (card: unknown, b: Uint8Array) => getRuntime().validate(card, b);

/** What a reload does to the in-memory list: nothing survives but storage. */
function reloadPage() {
  useByoModels.setState({ models: [], refused: [], restore: 'idle', restoreError: null });
}

async function importModel(name = 'mine.onnx') {
  const check = await validateModel(cardJson, bytes, 'wasm');
  if (!check.ok || !check.card) throw new Error(check.errors.join('; '));
  return keepByoModel({ card: check.card, warnings: check.warnings }, cardJson, bytes, name);
}

beforeEach(async () => {
  reloadPage();
  for (const m of await idbAll<StoredByoModel>('models')) await removeByoModel(m.sha256);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('brought models in storage', () => {
  it('come back after a reload, checked again, with the same bytes', async () => {
    const kept = await importModel();
    expect(kept.persisted).toBe(true);
    reloadPage();
    expect(useByoModels.getState().models).toEqual([]);
    await restoreByoModels(validate);
    const { models, refused, restore } = useByoModels.getState();
    expect(restore).toBe('ready');
    expect(refused).toEqual([]);
    expect(models.map((m) => m.card.id)).toEqual(['previs.gauss-blur']);
    expect(models[0]!.persisted).toBe(true);
    expect(models[0]!.fileName).toBe('mine.onnx');
    expect(Buffer.from(models[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
    // and they run
    const image = { dtype: 'float32' as const, dims: [1, 3, 8, 8], data: new Float32Array(192).fill(0.5) };
    const { outputs } = await getRuntime().run({ card: models[0]!.card, bytes: models[0]!.bytes }, { image });
    expect(outputs.blurred!.dims).toEqual([1, 3, 8, 8]);
  });

  it('refuses a stored model whose bytes changed, naming the sha256, and lets it be removed', async () => {
    const kept = await importModel();
    const sha = kept.card.sha256;
    const [stored] = await idbAll<StoredByoModel>('models');
    const tampered = new Uint8Array(stored!.bytes);
    tampered[tampered.length - 20]! ^= 0x10;
    await idbPut('models', sha, { ...stored!, bytes: tampered.buffer });
    reloadPage();
    await restoreByoModels(validate);
    const { models, refused } = useByoModels.getState();
    expect(models).toEqual([]);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.id).toBe('previs.gauss-blur');
    expect(refused[0]!.errors.join(' ')).toMatch(/sha256 [0-9a-f]{64} does not match the card/);
    await removeByoModel(sha);
    expect(useByoModels.getState().refused).toEqual([]);
    expect(await idbAll('models')).toEqual([]);
  });

  it('refuses a stored card that lost a field', async () => {
    const kept = await importModel();
    const [stored] = await idbAll<StoredByoModel>('models');
    const card = { ...(stored!.card as Record<string, unknown>) };
    delete card.license;
    await idbPut('models', kept.card.sha256, { ...stored!, card });
    reloadPage();
    await restoreByoModels(validate);
    expect(useByoModels.getState().refused[0]!.errors.join(' ')).toMatch(/license/);
  });

  it('keeps a model for the session and says why when the browser has no room', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 1000, usage: 900 }) } });
    const kept = await importModel();
    expect(kept.persisted).toBe(false);
    expect(kept.saveError).toMatch(/not enough browser storage to keep mine\.onnx: it needs [\d.]+ MiB, 0\.0 MiB is left/);
    expect(useByoModels.getState().models.map((m) => m.persisted)).toEqual([false]);
    expect(await idbAll('models')).toEqual([]);
  });

  it('reports a quota error from IndexedDB itself', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    });
    const kept = await importModel('big.onnx');
    expect(kept.persisted).toBe(false);
    expect(kept.saveError).toMatch(/storage quota is full: big\.onnx \([\d.]+ MiB\) could not be saved/);
  });
});

describe('missingModels', () => {
  it('lists models a project uses that are neither installed nor brought', async () => {
    const f = await fixtureScene();
    const learned = await fixtureLayer(f, 'deage-learned');
    const project = addObjects(f.sceneId, [learned])(f.project);
    const ref = learned.models[0]!;
    const none = missingModels(project, new Set(installedShas()));
    expect(none).toEqual([{ ref, layers: [learned.name] }]);
    expect(missingModels(project, new Set([...installedShas(), ref.sha256]))).toEqual([]);
  });
});
