// Writes a model card next to a built .onnx. The facts that can be read from the file (size, sha256, opset,
// ops) are taken from the bytes, never typed by hand, and the result must pass the runtime's own validation.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256Hex } from '../../src/core/util/sha256.ts';
import type { ModelCard } from '../../src/effects/runtime/modelCard.ts';
import { validateModel } from '../../src/effects/runtime/validate.ts';
import { defaultOpset, inspectOnnx } from '../../src/effects/runtime/onnxInspect.ts';

/** Everything a card says that the bytes cannot. */
export type CardDraft = Omit<ModelCard, 'schema' | 'sha256' | 'bytes' | 'opset' | 'ops'>;

export async function cardFor(draft: CardDraft, bytes: Uint8Array): Promise<ModelCard> {
  const summary = inspectOnnx(bytes);
  const card: ModelCard = {
    schema: 'previs-model-card/1',
    ...draft,
    sha256: await sha256Hex(bytes),
    bytes: bytes.byteLength,
    opset: defaultOpset(summary),
    ops: summary.ops.map((o) => (o.domain && o.domain !== 'ai.onnx' ? `${o.domain}.${o.opType}` : o.opType)),
  };
  const check = await validateModel(card, bytes, 'wasm');
  if (!check.ok) throw new Error(`card for "${draft.id}" does not validate:\n  ${check.errors.join('\n  ')}`);
  return card;
}

/** Writes `<dir>/<id>.onnx` and `<dir>/<id>.card.json`; returns the card. */
export async function writeModel(dir: string, draft: CardDraft, bytes: Uint8Array): Promise<ModelCard> {
  const card = await cardFor(draft, bytes);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${draft.id}.onnx`), bytes);
  await writeFile(join(dir, `${draft.id}.card.json`), JSON.stringify(card, null, 2) + '\n');
  return card;
}

/** Writes a card for an .onnx already at `onnxPath` (e.g. copied from a package). */
export async function writeCardBeside(onnxPath: string, draft: CardDraft, bytes: Uint8Array): Promise<ModelCard> {
  const card = await cardFor(draft, bytes);
  await writeFile(join(dirname(onnxPath), `${draft.id}.card.json`), JSON.stringify(card, null, 2) + '\n');
  return card;
}
