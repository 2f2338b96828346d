// The editor view draws a frame only when its picture can differ from the one on screen. The canvas keeps
// its drawing buffer (preserveDrawingBuffer), so a still camera over a still set shows the last frame at no
// cost: the cores go to the work the user started (an ONNX effect, an export) instead of redrawing the same
// picture sixty times a second.
//
// What can change the picture is read through the animatic's picture fingerprint (render/pictureFingerprint:
// the camera, every visible object's pose, geometry, material, textures and lights), plus what it cannot
// see from the scene: the drawing buffer's size and colour pipeline, a shadow map somebody asked to be
// redrawn, static cells due to be baked (baking happens in a render), the viewport's quality switches, and
// any render of this renderer that was not ours (a still or an animatic frame borrows it, and leaves its own
// picture in the buffer).
// The fingerprint errs towards "changed": a video texture or a hook it cannot see into makes every frame new.
import { useEffect, useMemo } from 'react';
import { Vector2, type Camera, type Scene, type WebGLRenderer } from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { PictureFingerprint, rendererSettings } from '../render/pictureFingerprint';
import { editorStore } from '../../store/editorStore';
import { useInstancePool } from '../instancing/InstancingRoot';
import { viewportQuality } from './viewportQuality';
import { viewportPerformance } from './ViewportPerformance';

export function KeptFrame() {
  const pool = useInstancePool();
  const gl = useThree((s) => s.gl);
  const fingerprint = useMemo(() => new PictureFingerprint(), []);
  const ours = useMemo(() => ({ frame: -1 }), []);
  const extra = useMemo<number[]>(() => [], []);
  const size = useMemo(() => new Vector2(), []);
  const view = useMemo(() => new Float64Array(32), []);

  // a lost and restored context has an empty buffer whatever the fingerprint says
  useEffect(() => {
    const c = gl.domElement;
    const redraw = () => fingerprint.reset();
    c.addEventListener('webglcontextrestored', redraw);
    return () => c.removeEventListener('webglcontextrestored', redraw);
  }, [gl, fingerprint]);

  /** Whether this frame's picture is the one already in the buffer (world matrices brought up to date). */
  const unchanged = (r: WebGLRenderer, scene: Scene, camera: Camera): boolean => {
    if (camera.parent) scene.updateMatrixWorld();
    else camera.updateMatrixWorld();
    // a moving camera draws every frame: spare it the walk over the scene (the render updates its matrices)
    if (!sameView(view, camera.matrixWorld.elements, camera.projectionMatrix.elements)) {
      fingerprint.reset();
      return false;
    }
    if (!camera.parent) scene.updateMatrixWorld();
    r.getDrawingBufferSize(size);
    extra.length = 0;
    extra.push(size.x, size.y);
    rendererSettings(r, extra);
    // requests only a render answers, and a render that was not ours: always new
    extra.push(r.shadowMap.needsUpdate ? NaN : 0, r.info.render.frame === ours.frame ? 0 : NaN, pool?.cellsPending() ? NaN : 0);
    // the switches decide what a render draws (level of detail, cells, culling): a change is a new picture
    for (const k in viewportQuality) extra.push(+viewportQuality[k as keyof typeof viewportQuality]);
    return !fingerprint.changed(scene, camera, extra);
  };

  // priority 1: this callback draws the editor view (R3F stops its own render while one exists); the
  // look-through view draws itself (camera/LookThrough)
  useFrame(({ gl: r, scene, camera }) => {
    if (editorStore.getState().viewMode === 'lookThrough') return fingerprint.reset();
    if (!viewportQuality.keepFrame) fingerprint.reset();
    else if (unchanged(r, scene, camera)) {
      viewportPerformance.keptFrames++;
      return;
    }
    r.render(scene, camera);
    ours.frame = r.info.render.frame;
  }, 1);
  return null;
}

/** Whether the camera's matrices equal those kept in `last` (32 numbers), which then take the new ones. */
function sameView(last: Float64Array, world: ArrayLike<number>, projection: ArrayLike<number>): boolean {
  let same = true;
  for (let i = 0; i < 16; i++) {
    if (last[i] !== world[i] || last[16 + i] !== projection[i]) same = false;
    last[i] = world[i]!;
    last[16 + i] = projection[i]!;
  }
  return same;
}
