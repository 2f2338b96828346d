// faceres for development-time measurement only (tests, npm run eval:deage): read from disk as a model given
// by card + bytes, because the app build does not ship it (no verifiable training-data statement; see its card).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateCard, type ModelCard } from '../../src/effects/runtime/modelCard';

const HERE = join(process.cwd(), 'models', 'face');

export interface DevModel {
  card: ModelCard;
  bytes: Uint8Array;
  loadFile: (relative: string) => Promise<Uint8Array>;
}

let cached: Promise<DevModel> | null = null;

export function loadFaceres(): Promise<DevModel> {
  cached ??= (async () => {
    const parsed = validateCard(JSON.parse(await readFile(join(HERE, 'faceres.card.json'), 'utf8')));
    if (!parsed.ok) throw new Error(`faceres card is invalid: ${parsed.errors.join('; ')}`);
    const bytes = new Uint8Array(await readFile(join(HERE, 'faceres.onnx')));
    return { card: parsed.card, bytes, loadFile: async (relative) => new Uint8Array(await readFile(join(HERE, relative))) };
  })();
  return cached;
}
