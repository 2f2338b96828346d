// Brought models kept across reloads: card JSON + file bytes in IndexedDB's `models` store, keyed by the
// file's sha256. Nothing stored is trusted: on load each model goes through the same checks as an import
// (card schema, sha256, ops, shapes). A full disk or a refused quota is reported, never swallowed; the model
// then stays usable for this session only.
import { sha256Hex } from '../../core/util/sha256';
import type { ModelCheck } from '../../effects/runtime/validate';
import { MAX_MODEL_BYTES } from '../../effects/runtime/validate';
import { idbAll, idbDelete, idbPut, isQuotaError } from '../../store/idb';
import { useByoModels, type ByoModel } from './byoModels';

export interface StoredByoModel {
  sha256: string;
  /** the card exactly as the user brought it; validated again on every load */
  card: unknown;
  bytes: ArrayBuffer;
  fileName: string;
  addedAt: string;
}

export type Validate = (card: unknown, bytes: Uint8Array) => Promise<{ wasm: ModelCheck; webgpu: ModelCheck }>;

const mib = (b: number) => `${(b / 2 ** 20).toFixed(1)} MiB`;

/** Room the browser says is left for this origin; null when it will not say. */
async function storageLeft(): Promise<number | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.estimate) return null;
  try {
    const { quota, usage } = await storage.estimate();
    return quota === undefined || usage === undefined ? null : quota - usage;
  } catch {
    return null;
  }
}

/** Saves a checked model. Throws an Error whose message says why it could not be kept. */
export async function saveByoModel(m: { cardJson: unknown; bytes: Uint8Array; fileName: string; sha256: string }): Promise<void> {
  if (m.bytes.byteLength > MAX_MODEL_BYTES) {
    throw new Error(`${m.fileName} is ${mib(m.bytes.byteLength)}, over the ${mib(MAX_MODEL_BYTES)} limit for a brought model`);
  }
  const left = await storageLeft();
  if (left !== null && left < m.bytes.byteLength) {
    throw new Error(`not enough browser storage to keep ${m.fileName}: it needs ${mib(m.bytes.byteLength)}, ${mib(Math.max(0, left))} is left`);
  }
  const record: StoredByoModel = { sha256: m.sha256, card: m.cardJson, bytes: m.bytes.slice().buffer, fileName: m.fileName, addedAt: new Date().toISOString() };
  try {
    await idbPut('models', m.sha256, record);
  } catch (e) {
    if (isQuotaError(e)) throw new Error(`the browser's storage quota is full: ${m.fileName} (${mib(m.bytes.byteLength)}) could not be saved`);
    throw new Error(`${m.fileName} could not be saved: ${(e as Error).message}`);
  }
}

export async function deleteByoModel(sha256: string): Promise<void> {
  await idbDelete('models', sha256);
}

/** Import: keeps the model for this session and tries to save it; the returned model says whether it was saved. */
export async function keepByoModel(check: { card: NonNullable<ModelCheck['card']>; warnings: string[] }, cardJson: unknown, bytes: Uint8Array, fileName: string): Promise<ByoModel> {
  const model: ByoModel = { card: check.card, bytes, fileName, warnings: check.warnings, persisted: false };
  try {
    await saveByoModel({ cardJson, bytes, fileName, sha256: check.card.sha256 });
    model.persisted = true;
  } catch (e) {
    model.saveError = (e as Error).message;
  }
  useByoModels.getState().add(model);
  return model;
}

/**
 * Reads every stored model and checks it again (runs once per page). A model that fails is listed as refused
 * with its reasons; it is not deleted, so the user decides.
 */
export async function restoreByoModels(validate: Validate): Promise<void> {
  const state = useByoModels;
  if (state.getState().restore === 'loading') return;
  state.setState({ restore: 'loading', restoreError: null });
  let stored: StoredByoModel[];
  try {
    stored = await idbAll<StoredByoModel>('models');
  } catch (e) {
    state.setState({ restore: 'failed', restoreError: `brought models could not be read from this browser's storage: ${(e as Error).message}` });
    return;
  }
  for (const s of stored) {
    const bytes = new Uint8Array(s.bytes);
    const id = typeof (s.card as { id?: unknown } | null)?.id === 'string' ? (s.card as { id: string }).id : null;
    let errors: string[];
    let model: ByoModel | null = null;
    try {
      const { wasm, webgpu } = await validate(s.card, bytes);
      // the key is the sha256 of the bytes as saved; a card that now names other bytes is not the model saved
      const actual = await sha256Hex(bytes);
      errors = wasm.ok && wasm.card ? (actual === s.sha256 ? [] : [`stored bytes hash to ${actual}, saved as ${s.sha256}`]) : wasm.errors;
      if (!errors.length && wasm.card) {
        model = { card: wasm.card, bytes, fileName: s.fileName, warnings: [...wasm.warnings, ...webgpu.warnings, ...webgpu.errors.map((e) => `webgpu: ${e}`)], persisted: true };
      }
    } catch (e) {
      errors = [(e as Error).message];
    }
    if (model) state.getState().add(model);
    else state.setState((st) => ({ refused: [...st.refused.filter((r) => r.sha256 !== s.sha256), { sha256: s.sha256, fileName: s.fileName, id, errors }] }));
  }
  state.setState({ restore: 'ready' });
}

/** Forgets a model here and in storage. */
export async function removeByoModel(sha256: string): Promise<void> {
  await deleteByoModel(sha256);
  useByoModels.getState().remove(sha256);
}
