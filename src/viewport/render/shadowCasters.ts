// Whether the shadow maps of a scene must be redrawn: a fingerprint of everything a shadow map depends on
// (each shadow-casting light's pose and shadow camera, and each visible caster's geometry, pose, instances
// and bones). On software GL a 2048² sun shadow map costs about as much as the frame itself, and in most
// animatic frames only the camera moves: then the maps from the previous frame are still exact.
import type { Object3D, Scene } from 'three';
import { NumberTrail } from './numberTrail';

type Caster = Object3D & {
  isMesh?: boolean;
  isLight?: boolean;
  isSkinnedMesh?: boolean;
  isInstancedMesh?: boolean;
  isBatchedMesh?: boolean;
  /** three keeps a BatchedMesh's instance matrices in a data texture whose version setMatrixAt bumps */
  _matricesTexture?: { version: number };
  count?: number;
  geometry?: { id: number; attributes: Record<string, { version: number } | undefined>; morphAttributes?: Record<string, unknown[]> };
  instanceMatrix?: { version: number };
  morphTargetInfluences?: number[];
  skeleton?: { bones: Object3D[] };
  target?: Object3D;
  /** the instance pool's meshes: what they cast, apart from re-sorting and culling (instancing/instancePool) */
  castersVersion?: () => number;
  shadow?: { mapSize: { x: number; y: number }; bias: number; normalBias: number; radius: number; camera: Object3D & { projectionMatrix: { elements: ArrayLike<number> } } };
};

export class ShadowFingerprint extends NumberTrail {
  constructor() {
    super(4096);
  }

  private push(v: number): void {
    this.record(v);
  }

  private pushMatrix(e: ArrayLike<number>): void {
    for (let i = 0; i < 16; i++) this.push(e[i]!);
  }

  /**
   * Fingerprints `scene` (whose world matrices must be up to date) and says whether it differs from the
   * previous call's. The first call, and any call after reset(), says true.
   */
  changed(scene: Scene): boolean {
    this.begin();
    let lights = 0;
    scene.traverseVisible((node) => {
      const o = node as Caster;
      if (o.isLight && o.castShadow && o.shadow) {
        lights++;
        this.push(o.id);
        this.pushMatrix(o.matrixWorld.elements);
        if (o.target) this.pushMatrix(o.target.matrixWorld.elements);
        const s = o.shadow;
        this.push(s.mapSize.x);
        this.push(s.mapSize.y);
        this.push(s.bias);
        this.push(s.normalBias);
        this.push(s.radius);
        this.pushMatrix(s.camera.projectionMatrix.elements);
      } else if (o.isMesh && o.castShadow && o.geometry) {
        this.push(o.id);
        this.push(o.geometry.id);
        this.push(o.geometry.attributes.position?.version ?? -1);
        this.pushMatrix(o.matrixWorld.elements);
        if (o.castersVersion) this.push(o.castersVersion());
        else if (o.isInstancedMesh) {
          this.push(o.count ?? 0);
          this.push(o.instanceMatrix?.version ?? -1);
        }
        // collapse fragments move by setMatrixAt on a BatchedMesh, not by their node's matrix
        if (o.isBatchedMesh) this.push(o._matricesTexture?.version ?? -1);
        const mi = o.morphTargetInfluences;
        if (mi) for (let i = 0; i < mi.length; i++) this.push(mi[i]!);
        if (o.isSkinnedMesh && o.skeleton) for (const b of o.skeleton.bones) this.pushMatrix(b.matrixWorld.elements);
        // a material swap can change what casts (alpha test, side): its id is cheap to include
        const m = (o as Object3D & { material?: { id: number } | { id: number }[] }).material;
        if (Array.isArray(m)) for (const x of m) this.push(x.id);
        else if (m) this.push(m.id);
      }
    });
    this.push(lights);
    return this.settle();
  }
}
