// What the big viewer can show: a plate's frames, a de-age take over its plate, and frames of a shot rendered
// with or without a collapse layer. Each decodes or renders one frame when the viewer asks for it.
import type { EffectLayer, Plate, Project, Take } from '../../core/document';
import { outputFrame, plateFrame } from '../deage/reviewData';
import type { Raster } from '../../effects/plates/png';
import type { ViewerPicture } from './viewerStore';

/** A plate's frames (a still has one). `start` is the plate frame shown as frame 0. */
export function platePicture(plate: Plate, start = 0, label = plate.name): ViewerPicture {
  return { label, frame: (i) => plateFrame(plate.assetId, start + i) };
}

/** A de-age take drawn over its plate exactly as the viewport shows it. */
export function deageTakePicture(plate: Plate, take: Pick<Take, 'n' | 'output' | 'frameRange'>, label = `take ${take.n}`): ViewerPicture {
  const start = take.frameRange?.start ?? 0;
  return { label, frame: (i) => outputFrame(take.output.assetId, i, { hash: plate.assetId, frame: start + i }) };
}

/** The shot that shows a layer's frames: the first whose range covers the layer's first frame, else the first shot. */
export function shotFor(project: Project, sceneId: string, layer: EffectLayer): string | null {
  const scene = project.scenes[sceneId];
  if (!scene) return null;
  const start = layer.frameRange?.start ?? 0;
  return scene.shotOrder.find((id) => {
    const s = scene.shots[id];
    return !!s && s.in <= start && s.out > start;
  }) ?? scene.shotOrder[0] ?? null;
}

let rendering: Promise<unknown> = Promise.resolve();
/** Renders one at a time: frames share the pooled renderer and pose the live scene. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const run = rendering.then(fn, fn);
  rendering = run.catch(() => undefined);
  return run;
}

/**
 * Frames of a shot through its camera, rendered on demand (960 px wide) with the layer shown or hidden: the
 * collapse as it plays against the set as it stood. Frame 0 is the layer's first frame.
 */
export function renderPicture(project: Project, sceneId: string, shotId: string, layer: EffectLayer, withLayer: boolean, label: string): ViewerPicture {
  const start = layer.frameRange?.start ?? 0;
  return {
    label,
    frame: (i) => serial(async () => {
      const [{ renderShotFrame }, { FrameRenderer }] = await Promise.all([import('../../export/animatic/renderShotStill'), import('../../viewport/render/frameRenderer')]);
      try {
        const shot = await renderShotFrame(project, shotId, start + i, { sceneId, width: 960, hiddenIds: withLayer ? [] : [layer.id] });
        const g = new OffscreenCanvas(shot.canvas.width, shot.canvas.height).getContext('2d', { willReadFrequently: true })!;
        g.drawImage(shot.canvas, 0, 0);
        const r: Raster = { width: shot.canvas.width, height: shot.canvas.height, data: g.getImageData(0, 0, shot.canvas.width, shot.canvas.height).data };
        return r;
      } finally {
        FrameRenderer.restoreViewport();
      }
    }),
  };
}
