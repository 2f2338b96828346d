// Whether a frame's picture can differ from the previous frame's: a fingerprint of everything the renderer
// reads (the camera, every visible object's pose, geometry, material and textures, the lights, the scene's
// background and fog, the renderer's colour pipeline). In an animatic a held shot, or the frames after a
// camera move settles, repeat the previous picture exactly: then drawing and reading back can be skipped.
// The fingerprint errs towards "changed": anything it cannot see into (a video texture, a per-draw hook)
// makes every frame new — except the viewport's shared scene hook (performance/beforeSceneRender), whose
// effects on the picture are read here through the instance buffers' versions.
import { Color, Object3D, Texture, type Camera, type Material, type Scene, type WebGLRenderer } from 'three';
import { isSharedSceneHook } from '../performance/beforeSceneRender';
import { NumberTrail } from './numberTrail';

type Node = Object3D & {
  isGroup?: boolean;
  isLOD?: boolean;
  isBone?: boolean;
  isMesh?: boolean;
  isLine?: boolean;
  isPoints?: boolean;
  isSprite?: boolean;
  isLight?: boolean;
  isInstancedMesh?: boolean;
  isBatchedMesh?: boolean;
  count?: number;
  geometry?: {
    id: number;
    attributes: Record<string, { version?: number } | undefined>;
    index?: { version?: number } | null;
    drawRange?: { start: number; count: number };
    morphAttributes?: Record<string, unknown[]>;
    groups?: unknown[];
  };
  material?: Material | Material[];
  instanceMatrix?: { version: number };
  instanceColor?: { version: number } | null;
  morphTargetInfluences?: number[];
  _matricesTexture?: { version: number };
  _colorsTexture?: { version: number } | null;
  _indirectTexture?: { version: number } | null;
  color?: Color;
  groundColor?: Color;
  intensity?: number;
  distance?: number;
  decay?: number;
  angle?: number;
  penumbra?: number;
  target?: Object3D;
  shadow?: { mapSize: { x: number; y: number }; bias: number; normalBias: number; radius: number; camera: { projectionMatrix: { elements: ArrayLike<number> } } };
};

const noopBeforeRender = Object3D.prototype.onBeforeRender;

/** The renderer's settings a picture depends on besides the scene (colour pipeline, shadow maps), appended to `out`. */
export function rendererSettings(r: WebGLRenderer, out: number[] = []): number[] {
  let cs = 0;
  for (const ch of r.outputColorSpace) cs = (cs * 31 + ch.charCodeAt(0)) | 0;
  out.push(r.toneMapping, r.toneMappingExposure, cs, +r.shadowMap.enabled, r.shadowMap.type);
  return out;
}
// material fields that change a picture without bumping material.version
const MATERIAL_NUMBERS = ['opacity', 'roughness', 'metalness', 'emissiveIntensity', 'side', 'alphaTest', 'blending', 'depthTest', 'depthWrite', 'colorWrite', 'transparent', 'visible', 'wireframe', 'toneMapped', 'flatShading', 'vertexColors', 'rotation', 'sizeAttenuation', 'linewidth', 'size', 'clearcoat', 'transmission', 'envMapIntensity', 'aoMapIntensity', 'lightMapIntensity', 'bumpScale', 'displacementScale'] as const;
const MATERIAL_COLOURS = ['color', 'emissive', 'specularColor', 'sheenColor', 'attenuationColor'] as const;
const MATERIAL_MAPS = ['map', 'emissiveMap', 'alphaMap', 'normalMap', 'roughnessMap', 'metalnessMap', 'aoMap', 'envMap', 'lightMap', 'bumpMap', 'displacementMap', 'specularMap', 'gradientMap', 'matcap'] as const;

export class PictureFingerprint extends NumberTrail {
  constructor() {
    super(8192);
  }

  private push(v: number | boolean | undefined | null): void {
    // NaN never equals itself: a value we cannot judge makes the frame new
    this.record(v === undefined || v === null ? -1.5e300 : +v);
  }

  private pushArray(e: ArrayLike<number>): void {
    for (let i = 0; i < e.length; i++) this.push(e[i]!);
  }

  private pushColour(c: Color | undefined): void {
    if (!c) return this.push(-1);
    this.push(c.r);
    this.push(c.g);
    this.push(c.b);
  }

  private pushTexture(t: Texture | null | undefined): void {
    if (!t) return this.push(-1);
    this.push(t.id);
    // a video texture refreshes itself while drawing; its next picture cannot be known from here
    this.push((t as Texture & { isVideoTexture?: boolean }).isVideoTexture ? NaN : t.version);
    this.pushArray(t.offset.toArray());
    this.pushArray(t.repeat.toArray());
    this.push(t.rotation);
  }

  private pushUniform(v: unknown): void {
    if (typeof v === 'number' || typeof v === 'boolean') this.push(v);
    else if (v === null || v === undefined) this.push(-1);
    else if (v instanceof Texture) this.pushTexture(v);
    else if (v instanceof Color) this.pushColour(v);
    else if (Array.isArray(v)) for (const x of v) this.pushUniform(x);
    else if (typeof v === 'object' && 'elements' in v) this.pushArray((v as { elements: ArrayLike<number> }).elements);
    else if (typeof v === 'object' && typeof (v as { toArray?: unknown }).toArray === 'function') this.pushArray((v as { toArray(): number[] }).toArray());
    else this.push(NaN);
  }

  private pushMaterial(m: Material): void {
    const r = m as unknown as Record<string, unknown>;
    this.push(m.id);
    this.push(m.version);
    for (const k of MATERIAL_NUMBERS) if (k in r) this.push(r[k] as number);
    for (const k of MATERIAL_COLOURS) if (k in r) this.pushColour(r[k] as Color);
    for (const k of MATERIAL_MAPS) if (k in r) this.pushTexture(r[k] as Texture | null);
    const uniforms = r.uniforms as Record<string, { value: unknown }> | undefined;
    if (uniforms) for (const k in uniforms) this.pushUniform(uniforms[k]!.value);
  }

  private pushNode(o: Node): void {
    this.push(o.id);
    // a hook (the scene's included) may change anything at render time: unless it is the shared one
    if (o.onBeforeRender !== noopBeforeRender && !isSharedSceneHook(o.onBeforeRender, noopBeforeRender)) this.push(NaN);
    // a node that draws nothing itself (a group, an empty) reaches the picture only through what it holds,
    // whose world matrices are read below, and through a group's draw order; which nodes are visible shows in
    // the run of ids. A bone is read whole: a skinned mesh follows its bones' matrices
    if (!o.isMesh && !o.isLine && !o.isPoints && !o.isSprite && !o.isLight && !o.isBone) {
      this.push(o.isGroup ? o.renderOrder : -3);
      if (o.isLOD) this.push(NaN);
      return;
    }
    this.pushArray(o.matrixWorld.elements);
    this.push(o.layers.mask);
    this.push(o.renderOrder);
    this.push(o.castShadow);
    this.push(o.receiveShadow);
    this.push(o.frustumCulled);
    if (o.isLight) {
      this.pushColour(o.color);
      this.pushColour(o.groundColor);
      this.push(o.intensity);
      this.push(o.distance);
      this.push(o.decay);
      this.push(o.angle);
      this.push(o.penumbra);
      if (o.target) this.pushArray(o.target.matrixWorld.elements);
      const s = o.shadow;
      if (s) {
        this.push(s.mapSize.x);
        this.push(s.mapSize.y);
        this.push(s.bias);
        this.push(s.normalBias);
        this.push(s.radius);
        this.pushArray(s.camera.projectionMatrix.elements);
      }
      return;
    }
    const g = o.geometry;
    if (g) {
      this.push(g.id);
      for (const k in g.attributes) this.push(g.attributes[k]?.version);
      this.push(g.index ? g.index.version : -2);
      this.push(g.drawRange?.start);
      this.push(g.drawRange?.count);
      this.push(g.groups?.length);
    }
    if (o.isInstancedMesh) {
      this.push(o.count);
      this.push(o.instanceMatrix?.version);
      this.push(o.instanceColor ? o.instanceColor.version : -2);
    }
    if (o.isBatchedMesh) {
      this.push(o._matricesTexture?.version);
      this.push(o._colorsTexture ? o._colorsTexture.version : -2);
      this.push(o._indirectTexture ? o._indirectTexture.version : -2);
    }
    const mi = o.morphTargetInfluences;
    if (mi) this.pushArray(mi);
    const m = o.material;
    if (Array.isArray(m)) for (const x of m) this.pushMaterial(x);
    else if (m) this.pushMaterial(m);
  }

  /**
   * Fingerprints what `camera` would draw of `scene` (world matrices up to date) plus `extra` (renderer
   * settings, picture size and frame), and says whether it differs from the previous call's. The first
   * call, and any call after reset(), says true.
   */
  changed(scene: Scene, camera: Camera, extra: ArrayLike<number>): boolean {
    this.begin();
    this.pushArray(extra);
    this.pushArray(camera.matrixWorld.elements);
    this.pushArray(camera.projectionMatrix.elements);
    this.push(camera.layers.mask);
    const s = scene as Scene & { background: unknown };
    const bg = s.background;
    if (bg instanceof Color) this.pushColour(bg);
    else if (bg instanceof Texture) this.pushTexture(bg);
    else this.push(bg ? NaN : -1);
    this.push(s.backgroundIntensity);
    this.push(s.backgroundBlurriness);
    this.pushTexture(s.environment);
    const fog = s.fog as (typeof s.fog & { near?: number; far?: number; density?: number }) | null;
    if (fog) {
      this.pushColour(fog.color);
      this.push(fog.near);
      this.push(fog.far);
      this.push(fog.density);
    } else this.push(-1);
    this.push(s.overrideMaterial ? NaN : -1);
    scene.traverseVisible((o) => this.pushNode(o as Node));
    return this.settle();
  }
}
