// Renders single frames of the live scene graph through a document camera into a canvas of a fixed size:
// the source of storyboard panels, thumbnails and animatic frames. Stills use their own WebGL renderer (so
// the viewport is never resized or interrupted); an animatic may borrow the viewport's renderer while the
// viewport is paused, which skips a context start-up and every shader compilation. Either way it draws the
// viewport's scene graph with its colour pipeline, so a frame here is the frame the look-through view shows.
import { PerspectiveCamera, Vector2, WebGLRenderer, type Scene as ThreeScene } from 'three';
import type { Camera, Project } from '../../core/document';
import { evaluateScene, type EvaluatedScene } from '../../core/timeline';
import { objectRefs } from '../objectRefs';
import { applyAll } from './applyEvaluated';
import { liveViewport } from './liveViewport';
import { applyLens, applyCameraTransform } from '../camera/applyLens';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { playhead } from '../../store/playhead';
import { probeGl } from '../glProbe';
import { suppressEditorFeedback } from './editorFeedback';
import { ShadowFingerprint } from './shadowCasters';
import { PictureFingerprint, rendererSettings } from './pictureFingerprint';
import { withBackdrop } from '../plates/backdrop';

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

export interface FrameRendererOptions {
  /** multisampled edges; default: as the viewport draws them (off on software GL, where MSAA costs ~4× per frame) */
  antialias?: boolean;
  /** redraw shadow maps only when a light or a caster changed since the last frame (default true) */
  reuseShadows?: boolean;
  /**
   * draw with the viewport's own renderer (its canvas resized to the frame while this renderer lives) when
   * its context has the wanted MSAA; the viewport must not draw meanwhile (pause its frame loop)
   */
  borrowViewport?: boolean;
}

export class FrameRenderer {
  readonly canvas: OffscreenCanvas | HTMLCanvasElement;
  readonly renderer: WebGLRenderer;
  /** set when drawing with the viewport's own renderer: what to put back when done */
  private borrowed: { pixelRatio: number; width: number; height: number; shadowAutoUpdate: boolean; visibility: string } | null = null;
  readonly antialias: boolean;
  reuseShadows: boolean;
  /** frames drawn, how many of them redrew the shadow maps, and frames whose picture was reused unchanged */
  readonly stats = { frames: 0, shadowRedraws: 0, reused: 0 };
  readonly camera = new PerspectiveCamera(40, 16 / 9, 0.05, 5000);
  private readonly shadows = new ShadowFingerprint();
  private readonly pictureFp = new PictureFingerprint();

  constructor(readonly width: number, readonly height: number, opts: FrameRendererOptions = {}) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width > 8192 || height > 8192) {
      throw new Error(`render size ${width}×${height} must be whole pixels between 16 and 8192`);
    }
    this.antialias = opts.antialias ?? !probeGl().software;
    this.reuseShadows = opts.reuseShadows ?? true;
    const live = opts.borrowViewport ? liveViewport() : null;
    if (live && FrameRenderer.canBorrow(this.antialias)) {
      // the viewport's renderer already holds every compiled shader and uploaded buffer of this scene: a
      // new context pays seconds of start-up and compilation on software GL before its first frame
      this.renderer = live.gl;
      this.canvas = live.gl.domElement;
      const size = live.gl.getSize(new Vector2());
      const style = live.gl.domElement.style;
      this.borrowed = { pixelRatio: live.gl.getPixelRatio(), width: size.x, height: size.y, shadowAutoUpdate: live.gl.shadowMap.autoUpdate, visibility: style.visibility };
      // the canvas now holds export frames, squeezed into the viewport's box: hide it rather than show
      // them distorted, which also spares the compositor a full-size copy per frame
      style.visibility = 'hidden';
    } else {
      this.canvas = new OffscreenCanvas(width, height);
      this.renderer = new WebGLRenderer({ canvas: this.canvas, antialias: this.antialias, preserveDrawingBuffer: true, alpha: false });
    }
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(width, height, false);
    // render layer 0 only: editor helpers (camera bodies, paths, plan marks) live on layer 1
    this.camera.layers.set(0);
  }

  /** Whether frames with (or without) MSAA can be drawn by the viewport's renderer: its context decides. */
  static canBorrow(antialias: boolean): boolean {
    const live = liveViewport();
    const attrs = live?.gl.getContext().getContextAttributes();
    return !!attrs && attrs.antialias === antialias && attrs.preserveDrawingBuffer === true;
  }

  /** True while this renderer draws with the viewport's renderer (and its canvas). */
  get borrowsViewport(): boolean {
    return this.borrowed !== null;
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
    // a new shadow type recompiles every material and its maps: never reuse the old ones
    if (this.renderer.shadowMap.type !== gl.shadowMap.type) {
      this.shadows.reset();
      this.pictureFp.reset();
    }
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
    opts: { reusePicture?: boolean } = {},
  ): { evaluated: EvaluatedScene; camera: Camera; rect: FrameRect; drawn: boolean; poseMs: number } {
    const t0 = performance.now();
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
    // selection tint and gizmo are the editor's, not the picture's
    const selected = editorStore.getState().selection.map((id) => objectRefs.get(id)).filter((o) => !!o);
    const restoreFeedback = suppressEditorFeedback(scene, selected);
    scene.updateMatrixWorld();
    applyCameraTransform(this.camera, cam.transform);
    applyLens(this.camera, cam, cam.deliveryAspect, { mode: 'frame' });
    this.camera.updateMatrixWorld();
    const rect = frameRectPx(cam.deliveryAspect, this.width, this.height);
    const r = this.renderer;
    // a borrowed viewport renderer is resized by R3F when the window changes: hold it at the frame size
    if (this.borrowed && (this.canvas.width !== this.width || this.canvas.height !== this.height || r.getPixelRatio() !== 1)) {
      r.setPixelRatio(1);
      r.setSize(this.width, this.height, false);
    }
    let drawn = false;
    let poseMs = 0;
    try {
      // the viewport is the delivery frame here: the camera's background plate fills all of it
      withBackdrop(scene, project, sceneId, cameraId, cam.deliveryAspect, [-1, -1, 1, 1], () => {
        // the backdrop is part of the picture, so the fingerprint is taken with it in place
        if (opts.reusePicture && !this.pictureFp.changed(scene, this.camera, this.pictureSettings(rect))) {
          poseMs = performance.now() - t0;
          return;
        }
        poseMs = performance.now() - t0;
        drawn = true;
        r.setRenderTarget(null);
        r.setScissorTest(false);
        r.setViewport(0, 0, this.width, this.height);
        r.setClearColor(0x000000, 1);
        r.clear(true, true, true);
        // WebGL's viewport origin is bottom-left
        const y = this.height - rect.y - rect.height;
        r.setViewport(rect.x, y, rect.width, rect.height);
        r.setScissor(rect.x, y, rect.width, rect.height);
        r.setScissorTest(true);
        // the fingerprint walks the scene (about a millisecond for a thousand props); a shadow map is far dearer
        const redraw = !this.reuseShadows || !r.shadowMap.enabled || this.shadows.changed(scene);
        r.shadowMap.autoUpdate = false;
        r.shadowMap.needsUpdate = redraw;
        this.stats.frames++;
        if (redraw && r.shadowMap.enabled) this.stats.shadowRedraws++;
        r.render(scene, this.camera);
      });
    } finally {
      r.setScissorTest(false);
      restoreFeedback();
    }
    if (!drawn) this.stats.reused++;
    return { evaluated, camera: cam, rect, drawn, poseMs };
  }

  /** The renderer settings and frame placement a picture depends on besides the scene. */
  private pictureSettings(rect: FrameRect): number[] {
    return rendererSettings(this.renderer, [this.width, this.height, rect.x, rect.y, rect.width, rect.height]);
  }

  /** Puts the live objects back to the open project at the playhead (after a render posed them elsewhere). */
  static restoreViewport(): void {
    const { project, activeSceneId } = projectStore.getState();
    if (!project.scenes[activeSceneId]) return;
    applyAll(objectRefs, evaluateScene(project, activeSceneId, playhead.frame), project.scenes[activeSceneId]!.objects);
  }

  private picture: { canvas: OffscreenCanvas; g: OffscreenCanvasRenderingContext2D } | null = null;

  /**
   * The last rendered frame copied onto a 2D canvas with `draw` (burn-ins: disclosure labels, slate) drawn
   * over it. The GL canvas stays as rendered. The 2D canvas is reused: it holds this frame until the next call.
   */
  compose(draw?: (g: OffscreenCanvasRenderingContext2D, width: number, height: number) => void): OffscreenCanvas {
    if (!this.picture) {
      const canvas = new OffscreenCanvas(this.width, this.height);
      const g = canvas.getContext('2d');
      if (!g) throw new Error('this browser gives no 2D canvas for burn-ins');
      this.picture = { canvas, g };
    }
    const { canvas, g } = this.picture;
    g.drawImage(this.canvas, 0, 0);
    draw?.(g, this.width, this.height);
    return canvas;
  }

  async png(): Promise<Uint8Array> {
    const blob = await this.compose().convertToBlob({ type: 'image/png' });
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** Frees the context, or hands the viewport's renderer back as it was. */
  dispose(): void {
    const b = this.borrowed;
    if (b) {
      this.borrowed = null;
      const r = this.renderer;
      r.setScissorTest(false);
      r.shadowMap.autoUpdate = b.shadowAutoUpdate;
      r.shadowMap.needsUpdate = true;
      r.setPixelRatio(b.pixelRatio);
      r.setSize(b.width, b.height, false);
      r.domElement.style.visibility = b.visibility;
      return;
    }
    this.renderer.dispose();
    this.renderer.forceContextLoss();
  }
}
