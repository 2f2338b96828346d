// Renders single frames of the live scene graph through a document camera into an offscreen canvas of a
// fixed size: the source of storyboard panels, thumbnails and animatic frames. It uses its own WebGL
// renderer (so the viewport is never resized or interrupted) but the viewport's scene graph, renderers
// and colour pipeline, so a frame here is the frame the look-through view shows.
import { PerspectiveCamera, WebGLRenderer, type Scene as ThreeScene } from 'three';
import type { Camera, Project } from '../../core/document';
import { evaluateScene, type EvaluatedScene } from '../../core/timeline';
import { objectRefs } from '../objectRefs';
import { applyAll } from './applyEvaluated';
import { liveViewport } from './liveViewport';
import { applyLens, applyCameraTransform } from '../camera/applyLens';
import { projectStore } from '../../store/projectStore';
import { playhead } from '../../store/playhead';

export interface FrameRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The delivery frame of `aspect` letterboxed (or pillarboxed) inside a w × h picture, in whole pixels. */
export function frameRectPx(aspect: number, w: number, h: number): FrameRect {
  if (w / h >= aspect) {
    const fw = Math.round(h * aspect);
    return { x: Math.floor((w - fw) / 2), y: 0, width: fw, height: h };
  }
  const fh = Math.round(w / aspect);
  return { x: 0, y: Math.floor((h - fh) / 2), width: w, height: fh };
}

export class FrameRenderer {
  readonly canvas: OffscreenCanvas;
  readonly renderer: WebGLRenderer;
  private readonly camera = new PerspectiveCamera(40, 16 / 9, 0.05, 5000);

  constructor(readonly width: number, readonly height: number, antialias = true) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width > 8192 || height > 8192) {
      throw new Error(`render size ${width}×${height} must be whole pixels between 16 and 8192`);
    }
    this.canvas = new OffscreenCanvas(width, height);
    this.renderer = new WebGLRenderer({ canvas: this.canvas, antialias, preserveDrawingBuffer: true, alpha: false });
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(width, height, false);
    // render layer 0 only: editor helpers (camera bodies, paths, plan marks) live on layer 1
    this.camera.layers.set(0);
  }

  private liveScene(): ThreeScene {
    const live = liveViewport();
    if (!live) throw new Error('the viewport is not ready yet; frames are rendered from its scene');
    const gl = live.gl;
    // match the viewport's colour pipeline so stills look like the look-through view
    this.renderer.toneMapping = gl.toneMapping;
    this.renderer.toneMappingExposure = gl.toneMappingExposure;
    this.renderer.outputColorSpace = gl.outputColorSpace;
    this.renderer.shadowMap.enabled = gl.shadowMap.enabled;
    this.renderer.shadowMap.type = gl.shadowMap.type;
    return live.scene;
  }

  /**
   * Poses every object for `frame` (evaluated from `project`, which must be the open project's scene) and
   * draws it through `cameraId`: the delivery frame letterboxed in black. Returns the evaluation used.
   */
  render(
    project: Project,
    sceneId: string,
    frame: number,
    cameraId: string,
    /** objects (e.g. effect layers an export gate refused) that must not appear in the picture */
    hiddenIds: readonly string[] = [],
  ): { evaluated: EvaluatedScene; camera: Camera; rect: FrameRect } {
    const open = projectStore.getState();
    if (open.activeSceneId !== sceneId) throw new Error(`scene ${sceneId} is not the scene open in the viewport`);
    const scene = this.liveScene();
    const evaluated = evaluateScene(project, sceneId, frame);
    const cam = evaluated.objects[cameraId];
    if (!cam || cam.type !== 'camera') throw new Error(`camera ${cameraId} is not in scene ${sceneId}`);
    // document values are what the viewport's React tree rendered (the open project's scene)
    applyAll(objectRefs, evaluated, open.project.scenes[sceneId]?.objects);
    for (const id of hiddenIds) {
      const o = objectRefs.get(id);
      if (o) o.visible = false;
    }
    scene.updateMatrixWorld();
    applyCameraTransform(this.camera, cam.transform);
    applyLens(this.camera, cam, cam.deliveryAspect, { mode: 'frame' });
    const rect = frameRectPx(cam.deliveryAspect, this.width, this.height);
    const r = this.renderer;
    r.setScissorTest(false);
    r.setViewport(0, 0, this.width, this.height);
    r.setClearColor(0x000000, 1);
    r.clear(true, true, true);
    // WebGL's viewport origin is bottom-left
    const y = this.height - rect.y - rect.height;
    r.setViewport(rect.x, y, rect.width, rect.height);
    r.setScissor(rect.x, y, rect.width, rect.height);
    r.setScissorTest(true);
    r.render(scene, this.camera);
    r.setScissorTest(false);
    return { evaluated, camera: cam, rect };
  }

  /** Puts the live objects back to the open project at the playhead (after a render posed them elsewhere). */
  static restoreViewport(): void {
    const { project, activeSceneId } = projectStore.getState();
    if (!project.scenes[activeSceneId]) return;
    applyAll(objectRefs, evaluateScene(project, activeSceneId, playhead.frame), project.scenes[activeSceneId]!.objects);
  }

  async png(): Promise<Uint8Array> {
    const blob = await this.canvas.convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  }

  dispose(): void {
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }
}
