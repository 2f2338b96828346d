// Bring your own model: pick the .onnx and its card .json; both are checked (schema, size, sha256, ops on
// each backend, shapes, external data) before the model can run, and every refusal is shown with its reason.
// A model that passes is saved in this browser (IndexedDB) and checked again on every load.
import { useState } from 'react';
import { getRuntime } from '../../effects/runtime';
import { editorStore } from '../../store/editorStore';
import { keepByoModel } from './byoLibrary';

export function ByoImport() {
  const [onnx, setOnnx] = useState<File | null>(null);
  const [cardFile, setCardFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    if (!onnx || !cardFile) return;
    setBusy(true);
    setErrors([]);
    try {
      const bytes = new Uint8Array(await onnx.arrayBuffer());
      const text = await cardFile.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new Error(`${cardFile.name} is not JSON: ${(e as Error).message}`);
      }
      const { wasm, webgpu: gpu } = await getRuntime().validate(json, bytes);
      if (!wasm.ok || !wasm.card) {
        setErrors(wasm.errors);
        editorStore.getState().notify('error', `Model refused: ${wasm.errors[0] ?? 'invalid'}${wasm.errors.length > 1 ? ` (+${wasm.errors.length - 1} more)` : ''}`);
        return;
      }
      const warnings = [...wasm.warnings, ...gpu.warnings, ...gpu.errors.map((e) => `webgpu: ${e}`)];
      const kept = await keepByoModel({ card: wasm.card, warnings }, json, bytes, onnx.name);
      if (kept.persisted) editorStore.getState().notify('info', `Model "${wasm.card.id}" checked and saved in this browser`);
      else editorStore.getState().notify('error', `Model "${wasm.card.id}" checked and added for this session only: ${kept.saveError}`);
      setOnnx(null);
      setCardFile(null);
    } catch (e) {
      setErrors([(e as Error).message]);
      editorStore.getState().notify('error', (e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="byo" data-testid="byo-import">
      <label>
        model .onnx <input type="file" accept=".onnx" data-testid="byo-onnx" onChange={(e) => setOnnx(e.target.files?.[0] ?? null)} />
      </label>
      <label>
        card .json <input type="file" accept=".json,application/json" data-testid="byo-card" onChange={(e) => setCardFile(e.target.files?.[0] ?? null)} />
      </label>
      <button disabled={!onnx || !cardFile || busy} onClick={check} data-testid="byo-check">
        {busy ? 'Checking…' : 'Check and add'}
      </button>
      {errors.length > 0 && (
        <ul className="refusals" data-testid="byo-refusals">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
