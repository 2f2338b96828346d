// glTF/GLB import (drop or file picker): check the file, parse it, ask about units when its size is
// implausible, store the bytes once by SHA-256, then add the asset record and the object in ONE undo step.
// Anything wrong stops before the project is touched, with the reason shown.
import { addAsset, addObjects, newId, type AssetMeta, type ImportedAsset } from '../../core/document';
import { identityTransform } from '../../core/document';
import { suggestUnitScale, ModelFileError, MAX_IMPORT_BYTES, type ScaleSuggestion } from '../../core/geometry';
import { checkModel, importCancelled } from './modelCheck';
import { importProgress } from './importProgress';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { putAsset } from '../../store/assets';
import { ModelRefusal, parseModel } from '../../viewport/objects/gltf';
import { dropHandlers, type DropHandler } from '../dropHandlers';
import { registerTestHook } from '../../testHook';
import { askScale } from './ScaleDialog';
import { placeAtView, type ScreenPoint } from '../../viewport/placement/viewPlacement';

export interface ImportOptions {
  /** how the unit question is answered (the dialog by default) */
  chooseScale?(fileName: string, s: ScaleSuggestion): Promise<number | null>;
  signal?: AbortSignal;
  onProgress?(stage: string, fraction: number): void;
  /** where the file was dropped (default: the centre of the view) */
  at?: ScreenPoint;
}

const isModelName = (name: string) => /\.(glb|gltf)$/i.test(name);

/** Imports model bytes into the active scene. Returns the new object id, or null if the user cancelled. */
export async function importModelBytes(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<string | null> {
  // the checks run in a worker: a huge or hostile file is refused while the page keeps drawing
  const info = await checkModel(bytes, fileName, opts);
  if (opts.signal?.aborted) throw importCancelled();
  opts.onProgress?.('building', 0.9);
  let model;
  try {
    model = await parseModel(bytes);
  } catch (e) {
    if (opts.signal?.aborted) throw importCancelled();
    if (e instanceof ModelRefusal) throw new ModelFileError(`${fileName} cannot be imported: ${e.message}`);
    // the loader's own words are code-level (property names, stack frames): keep them for developers only
    console.warn(`glTF loader on ${fileName}:`, e);
    throw new ModelFileError(`${fileName} passed the file checks, but the glTF loader could not build a scene from it`);
  }
  if (opts.signal?.aborted) throw importCancelled();
  const size: [number, number, number] = [model.max[0] - model.min[0], model.max[1] - model.min[1], model.max[2] - model.min[2]];
  const suggestion = suggestUnitScale(size);
  let unitScale = 1;
  if (suggestion.ask) {
    const chosen = await (opts.chooseScale ?? askScale)(fileName, suggestion);
    if (chosen === null) return null;
    unitScale = chosen;
  }
  const mime = info.container === 'glb' ? 'model/gltf-binary' : 'model/gltf+json';
  const hash = await putAsset(bytes, mime);
  const meta: AssetMeta = { id: hash, name: fileName, mime, byteLength: bytes.byteLength, kind: 'model' };
  const made: ImportedAsset = {
    id: newId('asset'),
    name: fileName.replace(/\.(glb|gltf)$/i, ''),
    parentId: null,
    transform: identityTransform([0, 0, 0]),
    visible: true,
    locked: false,
    type: 'asset',
    assetId: hash,
    format: info.container,
    unitScale,
    rights: 'unknown',
  };
  const { activeSceneId, execute, project } = projectStore.getState();
  const object = placeAtView(project.scenes[activeSceneId]?.objects ?? {}, [made], opts.at)[0] as ImportedAsset;
  execute(`Import ${fileName}`, (p) => addObjects(activeSceneId, [object])(addAsset(meta)(p)));
  editorStore.getState().select([object.id]);
  const m = size.map((v) => (v * unitScale).toFixed(2)).join(' × ');
  const asides = [...info.notes, ...info.warnings].map((t) => ` ${t[0]!.toUpperCase()}${t.slice(1)}.`).join('');
  editorStore.getState().notify(info.warnings.length ? 'warning' : 'info', `Imported ${fileName}: ${model.meshCount} mesh${model.meshCount === 1 ? '' : 'es'}, ${m} m.${asides}`);
  return object.id;
}

export async function importModelFile(file: File, opts?: ImportOptions): Promise<string | null> {
  if (file.size > MAX_IMPORT_BYTES) {
    throw new Error(`${file.name} is ${(file.size / 2 ** 20).toFixed(0)} MiB; the import limit is ${MAX_IMPORT_BYTES / 2 ** 20} MiB`);
  }
  return importModelBytes(new Uint8Array(await file.arrayBuffer()), file.name, opts);
}

/** Opens the file picker; errors are shown, never thrown at the menu. */
export function pickAndImportModel(): Promise<void> {
  return new Promise((resolve) => {
    let input = document.querySelector<HTMLInputElement>('input[data-testid=import-model-input]');
    if (!input) {
      input = document.createElement('input');
      input.type = 'file';
      input.accept = '.glb,.gltf,model/gltf-binary,model/gltf+json';
      input.dataset.testid = 'import-model-input';
      input.style.display = 'none';
      input.addEventListener('change', () => {
        const file = input!.files?.[0];
        input!.value = '';
        if (file) void importReporting(file);
      });
      document.body.appendChild(input);
    }
    input.click();
    resolve();
  });
}

/** An import with its progress on screen and a cancel button; errors become notices, a cancel is silent. */
export async function importWithProgress(file: File, at?: ScreenPoint): Promise<void> {
  const controller = new AbortController();
  importProgress.setState({ active: { name: file.name, stage: 'reading', fraction: 0, cancel: () => controller.abort() } });
  try {
    await importModelFile(file, {
      at,
      signal: controller.signal,
      onProgress: (stage, fraction) => importProgress.setState({ active: { name: file.name, stage, fraction, cancel: () => controller.abort() } }),
    });
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
    editorStore.getState().notify('info', `Import of ${file.name} cancelled; the project is unchanged.`);
  } finally {
    importProgress.setState({ active: null });
  }
}

async function importReporting(file: File): Promise<void> {
  try {
    await importWithProgress(file);
  } catch (e) {
    editorStore.getState().notify('error', (e as Error).message);
  }
}

const modelDropHandler: DropHandler = {
  id: 'gltf-model',
  accepts: (f) => isModelName(f.name) || f.type === 'model/gltf-binary' || f.type === 'model/gltf+json',
  handle: (f, at) => importWithProgress(f, at),
};
if (!dropHandlers.some((h) => h.id === modelDropHandler.id)) dropHandlers.push(modelDropHandler);

// the same entry point the UI uses, for tests that hand over bytes
registerTestHook('importModel', (bytes: number[] | Uint8Array, name: string) => importModelBytes(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes), name));
