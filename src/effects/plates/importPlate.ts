// Importing a plate: check the bytes, decode the first frame (so a damaged file is refused before anything
// is stored), store the bytes once under their SHA-256, then add the asset record and the plate object —
// as an image plane in the set, or as the background plate of a camera — in ONE undo step. An image plane
// imported for a shot (looking through its camera, or naming it) stands in front of that camera filling
// its frame; any other lands on the ground where the view looks (or where it was dropped), clear of the set.
import { addAsset, addObjects, newId, patchObject, type Camera, type Plate, type Project, type SceneObject } from '../../core/document';
import { putAsset } from '../../store/assets';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { firstFrame } from './decode';
import { checkPlateFile, PlateImportError } from './sniff';
import { placeAtView, plateInFrontOf, type ScreenPoint } from '../../viewport/placement/viewPlacement';

export interface ImportOptions {
  /** 'plane': an image plane in the set; 'background': behind a camera's look-through view */
  as?: 'plane' | 'background';
  cameraId?: string | null;
  /** conservative default: a plate is taken to show a person until the artist says otherwise */
  depictsPerson?: boolean;
  rights?: Plate['rights'];
  /** where the file was dropped (default: the centre of the view) */
  at?: ScreenPoint;
}

/** Plate planes stand 2 m tall, 4 m in front of the origin, facing +Z. */
const PLANE_HEIGHT_M = 2;

export function plateObject(name: string, assetId: string, media: { kind: 'image' | 'video'; width: number; height: number; frames: number; fps: number }, opts: ImportOptions): Plate {
  return {
    id: newId('plate'),
    name: name.replace(/\.[^.]+$/, '').slice(0, 256) || 'Plate',
    parentId: null,
    transform: { position: [0, PLANE_HEIGHT_M / 2, -4], rotation: [0, 0, 0], scale: [1, 1, 1] },
    visible: true,
    locked: false,
    type: 'plate',
    assetId,
    mediaKind: media.kind,
    widthPx: media.width,
    heightPx: media.height,
    frameCount: media.frames,
    fps: media.fps,
    rights: opts.rights ?? 'unknown',
    depictsPerson: opts.depictsPerson ?? true,
    performerName: null,
  };
}

export async function importPlateBytes(name: string, bytes: Uint8Array, opts: ImportOptions = {}): Promise<Plate> {
  const sniffed = checkPlateFile(name, bytes);
  const { raster, frameCount, fps } = await firstFrame(name, bytes, sniffed);
  const hash = await putAsset(bytes, sniffed.mime);
  const made = plateObject(name, hash, { kind: sniffed.mediaKind, width: raster.width, height: raster.height, frames: frameCount, fps }, opts);
  const state = projectStore.getState();
  const sceneId = state.activeSceneId;
  const objects = state.project.scenes[sceneId]?.objects ?? {};
  const camera = opts.as === 'background' ? pickCamera(state.project, sceneId, opts.cameraId ?? null) : null;
  if (opts.as === 'background' && !camera) throw new PlateImportError('no camera to put the background plate behind: add or select a camera first');
  const shotCamera = opts.as === 'background' ? null : shotCameraFor(objects, opts.cameraId ?? null);
  const plate = shotCamera ? plateInFrontOf(made, shotCamera) : (placeAtView(objects, [made], opts.at)[0] as Plate);
  state.execute(camera ? `Background plate for ${camera.name}` : 'Import plate', (p) => {
    let q = addAsset({ id: hash, name: name.slice(0, 256), mime: sniffed.mime, byteLength: bytes.byteLength, kind: 'plate' })(p);
    q = addObjects(sceneId, [plate])(q);
    if (camera) q = patchObject(sceneId, camera.id, { backgroundPlateId: plate.id } as Partial<Camera>)(q);
    return q;
  });
  editorStore.getState().select([plate.id]);
  return plate;
}

/** The camera an image plane is imported for: the one named, else the one being looked through; null for the set. */
function shotCameraFor(objects: Record<string, SceneObject>, id: string | null): Camera | null {
  const named = id ? objects[id] : undefined;
  if (named?.type === 'camera') return named;
  const ed = editorStore.getState();
  const look = ed.viewMode === 'lookThrough' && ed.lookThroughCameraId ? objects[ed.lookThroughCameraId] : undefined;
  return look?.type === 'camera' ? look : null;
}

function pickCamera(p: Project, sceneId: string, id: string | null): Camera | null {
  const objects = p.scenes[sceneId]?.objects ?? {};
  const byId = id ? objects[id] : undefined;
  if (byId?.type === 'camera') return byId;
  const sel = editorStore.getState().selection.map((s) => objects[s]).find((o) => o?.type === 'camera');
  if (sel?.type === 'camera') return sel;
  const look = editorStore.getState().lookThroughCameraId;
  const lt = look ? objects[look] : undefined;
  return lt?.type === 'camera' ? lt : null;
}

/** For the UI: import and report any failure as a notice instead of throwing. */
export async function importPlateFile(file: File, opts: ImportOptions = {}): Promise<Plate | null> {
  try {
    return await importPlateBytes(file.name, new Uint8Array(await file.arrayBuffer()), opts);
  } catch (e) {
    editorStore.getState().notify('error', e instanceof PlateImportError ? e.message : `${file.name}: plate import failed: ${(e as Error).message}`);
    return null;
  }
}

export const PLATE_FILE_PATTERN = /\.(png|jpe?g|webp|mp4|m4v|mov|webm)$/i;
