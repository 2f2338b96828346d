// A PNG still of one frame of a shot through its camera: storyboard panels, thumbnails, the CLI. Every still
// is a preview render, so the label of each unapproved generated layer in it is burnt in next to what it
// alters ("AI-GENERATED · PENDING REVIEW"). Renderers are kept per size and reused: a WebGL context is
// expensive and browsers cap how many exist.
import type { Project } from '../../core/document';
import { projectStore } from '../../store/projectStore';
import { FrameRenderer } from '../../viewport/render/frameRenderer';
import { whenViewportReady } from '../../viewport/render/liveViewport';
import { seekPlates } from '../../viewport/plates/plateScreen';
import { poseFramesAt } from '../../viewport/render/framePosers';
import { burnDisclosureLabels, previewLabeller, type BurnLabel } from '../../viewport/labels/burnIn';

const pool = new Map<string, FrameRenderer>();
const MAX_POOLED = 2;

function rendererFor(w: number, h: number): FrameRenderer {
  const key = `${w}x${h}`;
  let r = pool.get(key);
  if (!r) {
    if (pool.size >= MAX_POOLED) {
      const [oldKey, old] = pool.entries().next().value as [string, FrameRenderer];
      old.dispose();
      pool.delete(oldKey);
    }
    r = new FrameRenderer(w, h);
    pool.set(key, r);
  }
  return r;
}

export interface StillOptions {
  sceneId?: string;
  width?: number;
  /** default: width / the camera's delivery aspect, rounded to even */
  height?: number;
  /** objects that must not be drawn (effect layers an export gate refused) */
  hiddenIds?: readonly string[];
}

export interface ShotFrame {
  /** the picture with its burn-ins; holds this frame until the next still of the same size */
  canvas: OffscreenCanvas;
  /** the disclosure labels burnt in */
  labels: BurnLabel[];
  png(): Promise<Uint8Array>;
}

/** Renders frame `frame` (default: the shot's first frame) of a shot, as PNG bytes. */
export async function renderShotStill(project: Project, shotId: string, frame?: number, opts: StillOptions = {}): Promise<Uint8Array> {
  const r = await renderShotFrame(project, shotId, frame, opts);
  // the canvas keeps its pixels; put the live objects back before the (async) encode lets the viewport draw
  FrameRenderer.restoreViewport();
  return r.png();
}

/** Renders into a pooled renderer and returns the picture (labels burnt in). */
export async function renderShotFrame(project: Project, shotId: string, frame?: number, opts: StillOptions = {}): Promise<ShotFrame> {
  const sceneId = opts.sceneId ?? projectStore.getState().activeSceneId;
  const scene = project.scenes[sceneId];
  const shot = scene?.shots[shotId];
  if (!scene || !shot) throw new Error(`no shot ${shotId} in scene ${sceneId}`);
  const cam = scene.objects[shot.cameraId];
  if (!cam || cam.type !== 'camera') throw new Error(`shot ${shot.number}: its camera is missing`);
  const f = frame ?? shot.in;
  const width = opts.width ?? 1920;
  const height = opts.height ?? Math.max(16, 2 * Math.round(width / cam.deliveryAspect / 2));
  await whenViewportReady();
  const r = rendererFor(width, height);
  await seekPlates(project, sceneId, f);
  await poseFramesAt(f, opts.hiddenIds);
  const { evaluated, rect } = r.render(project, sceneId, f, shot.cameraId, opts.hiddenIds);
  // anchors are projected while the live objects still stand where this frame put them
  const labels = previewLabeller(project, sceneId, opts.hiddenIds)(evaluated.activeLayerIds, r.camera, rect);
  const canvas = r.compose((g, w, h) => burnDisclosureLabels(g, w, h, labels));
  return {
    canvas,
    labels,
    async png() {
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return new Uint8Array(await blob.arrayBuffer());
    },
  };
}
