// A shot camera's background plate: when a camera names a plate as its background, the look-through view
// and every still or animatic frame drawn through that camera show the plate filling the delivery frame
// (covering it, cropped, never stretched) in place of the sky. It is a screen-space quad drawn first, with
// no depth test or write, so every piece of set geometry lands in front of it. A video plate shows its
// screen (plateScreen.ts: the plate frame at the playhead, or the frame a render awaited, with any de-aged
// patch over it); a still shows its image, or the output of a finished de-age layer on it.
import * as THREE from 'three';
import type { Plate, Project } from '../../core/document';
import { projectStore } from '../../store/projectStore';
import { editorStore } from '../../store/editorStore';
import { registerTestHook } from '../../testHook';
import { registerFramePoser } from '../render/framePosers';
import { plateTexture } from './plateTexture';
import { plateScreens } from './plateScreen';
import { plateOutputHash } from './PlateObject';
import { backgroundPlateOf, coverScale } from './backdropFit';

export { backgroundPlateOf };

/** Still textures that have finished loading, by asset hash (plateTexture caches the promises). */
const stills = new Map<string, THREE.Texture>();
const failed = new Map<string, string>();
const loading = new Set<string>();

function stillTexture(hash: string): THREE.Texture | null {
  const t = stills.get(hash);
  if (t || failed.has(hash)) return t ?? null;
  if (!loading.has(hash)) void loadStill(hash);
  return null;
}

async function loadStill(hash: string): Promise<void> {
  loading.add(hash);
  try {
    stills.set(hash, await plateTexture(hash));
    failed.delete(hash);
  } catch (e) {
    // remembered so the look-through does not ask again every frame (a later render retries), and told once
    const first = !failed.has(hash);
    failed.set(hash, (e as Error).message);
    if (first) editorStore.getState().notify('error', `Background plate: ${(e as Error).message}`);
  } finally {
    loading.delete(hash);
  }
}

function stillHash(project: Project, sceneId: string, plate: Plate): string {
  return plateOutputHash(project.scenes[sceneId]?.objects ?? {}, plate.id) ?? plate.assetId;
}

/** What the backdrop shows for `plate` now; null while a still is loading or a video has no screen. */
function textureFor(project: Project, sceneId: string, plate: Plate): THREE.Texture | null {
  if (plate.mediaKind === 'video') return plateScreens.get(plate.id)?.screen.texture ?? null;
  return stillTexture(stillHash(project, sceneId, plate));
}

const material = new THREE.ShaderMaterial({
  uniforms: {
    map: { value: null },
    // NDC corners of the delivery frame: x0, y0, x1, y1
    rect: { value: new THREE.Vector4(-1, -1, 1, 1) },
    uvScale: { value: new THREE.Vector2(1, 1) },
  },
  vertexShader: /* glsl */ `
    uniform vec4 rect;
    uniform vec2 uvScale;
    varying vec2 vUv;
    void main() {
      vUv = 0.5 + (uv - 0.5) * uvScale;
      gl_Position = vec4(mix(rect.xy, rect.zw, uv), 0.0, 1.0);
    }`,
  fragmentShader: /* glsl */ `
    uniform sampler2D map;
    varying vec2 vUv;
    void main() {
      gl_FragColor = vec4(texture2D(map, vUv).rgb, 1.0);
      #include <colorspace_fragment>
    }`,
  depthTest: false,
  depthWrite: false,
  toneMapped: false,
});
const quad = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), material);
quad.name = 'background plate';
quad.frustumCulled = false;
// first among the opaque objects, so everything in the set draws over it
quad.renderOrder = -1e9;
quad.matrixAutoUpdate = false;

/** What the last look-through frame drew behind the set, for tests and the HUD. */
export const backdropLive: { cameraId: string | null; plateId: string | null; ready: boolean; error: string | null } = {
  cameraId: null,
  plateId: null,
  ready: false,
  error: null,
};

/**
 * Runs `draw` (which renders `scene` through camera `cameraId`) with that camera's background plate behind
 * the set, filling the NDC rect `rect` (the delivery frame) of aspect `frameAspect`. Without a plate, or
 * before its picture is ready, `draw` runs on the scene as it is (the sky shows).
 */
export function withBackdrop<T>(
  scene: THREE.Scene,
  project: Project,
  sceneId: string,
  cameraId: string,
  frameAspect: number,
  rect: readonly [number, number, number, number],
  draw: () => T,
  live = false,
): T {
  const plate = backgroundPlateOf(project, sceneId, cameraId);
  const tex = plate ? textureFor(project, sceneId, plate) : null;
  if (live) {
    backdropLive.cameraId = cameraId;
    backdropLive.plateId = plate?.id ?? null;
    backdropLive.ready = !!tex;
    backdropLive.error = plate && plate.mediaKind === 'image' ? (failed.get(stillHash(project, sceneId, plate)) ?? null) : null;
  }
  if (!plate || !tex) return draw();
  const [sx, sy] = coverScale(plate.widthPx / plate.heightPx, frameAspect);
  material.uniforms.map!.value = tex;
  (material.uniforms.rect!.value as THREE.Vector4).set(rect[0], rect[1], rect[2], rect[3]);
  (material.uniforms.uvScale!.value as THREE.Vector2).set(sx, sy);
  scene.add(quad);
  try {
    return draw();
  } finally {
    scene.remove(quad);
  }
}

/** Clears the live state when the look-through ends. */
export function clearBackdropLive(): void {
  backdropLive.cameraId = null;
  backdropLive.plateId = null;
  backdropLive.ready = false;
  backdropLive.error = null;
}

// Stills and animatics await every frame poser before they draw: load the still background plates of the
// open scene's cameras there, so a render never catches one half-loaded (video plates are seeked by seekPlates).
registerFramePoser('background-plates', async () => {
  const { project, activeSceneId } = projectStore.getState();
  const objects = project.scenes[activeSceneId]?.objects ?? {};
  const jobs: Promise<void>[] = [];
  for (const o of Object.values(objects)) {
    if (o.type !== 'camera') continue;
    const plate = backgroundPlateOf(project, activeSceneId, o.id);
    if (plate?.mediaKind !== 'image') continue;
    const hash = stillHash(project, activeSceneId, plate);
    if (!stills.has(hash)) jobs.push(loadStill(hash));
  }
  await Promise.all(jobs);
});

registerTestHook('backdrop', backdropLive);
