// The scene as a three.js graph for glTF export, built from the document (evaluated at one frame), not from the
// live viewport: no gizmos, helpers or letterbox mattes end up in the file. Units are metres, Y up, as in the
// document. Cameras become real perspective cameras whose yfov is the delivery frame's vertical angle of view
// from the lens math, with the lens itself (focal mm, sensor, squeeze, T-stop, focus) in extras.
import * as THREE from 'three';
import type { Camera, EffectLayer, Project, SceneObject } from '../../core/document/schema';
import { buildingParams, generateBuilding, setPieceGeometry, type MeshData } from '../../core/geometry';
import { cameraFieldOfView } from '../../core/lens/projection';
import { evaluateScene } from '../../core/timeline/evaluate';

/** Extra content for a layer's node (a collapse bake's fragments…), registered by the effect that owns it. */
export type LayerContent = (layer: EffectLayer) => THREE.Object3D | null;
const layerContent = new Map<string, LayerContent>();
export function registerLayerContent(effect: string, fn: LayerContent): void {
  layerContent.set(effect, fn);
}

function meshFrom(data: MeshData, colour: string, name: string): THREE.Mesh {
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.BufferAttribute(data.positions, 3));
  g.setAttribute('normal', new THREE.BufferAttribute(data.normals, 3));
  g.setIndex(new THREE.BufferAttribute(data.indices, 1));
  const m = new THREE.Mesh(g, new THREE.MeshStandardMaterial({ color: colour, roughness: 0.9 }));
  m.name = name;
  return m;
}

/** The lens metadata carried in a glTF camera's extras: what a camera department needs to match the shot. */
export function lensExtras(c: Camera): Record<string, unknown> {
  const fov = cameraFieldOfView(c);
  return {
    previsObjectId: c.id,
    lens: {
      focalLengthMm: c.lens.focalLengthMm,
      kind: c.lens.kind,
      squeeze: c.lens.squeeze,
      tStop: c.lens.tStop,
      focusDistanceM: c.lens.focusDistanceM,
      lensSetId: c.lens.lensSetId,
    },
    sensor: { presetId: c.body.sensorPresetId, widthMm: c.body.sensorWidthMm, heightMm: c.body.sensorHeightMm },
    deliveryAspect: c.deliveryAspect,
    fovDeg: { horizontal: fov.horizontalDeg, vertical: fov.verticalDeg },
  };
}

function cameraNode(c: Camera): THREE.PerspectiveCamera {
  const fov = cameraFieldOfView(c);
  const cam = new THREE.PerspectiveCamera(fov.verticalDeg, c.deliveryAspect, 0.05, 5000);
  cam.userData = lensExtras(c);
  return cam;
}

function lightNode(o: Extract<SceneObject, { type: 'light' }>): THREE.Object3D {
  const colour = new THREE.Color(o.colour);
  if (o.kind === 'spot') return new THREE.SpotLight(colour, o.intensity, 0, o.angle ?? Math.PI / 6);
  if (o.kind === 'point' || o.kind === 'area') return new THREE.PointLight(colour, o.intensity);
  return new THREE.DirectionalLight(colour, o.intensity);
}

function objectNode(o: SceneObject): THREE.Object3D {
  switch (o.type) {
    case 'setPiece':
      return meshFrom(setPieceGeometry(o).mesh, o.colour, o.name);
    case 'building':
      return meshFrom(generateBuilding(buildingParams(o)).mesh, o.colour, o.name);
    case 'actor': {
      // a stand-in of the actor's height; the posed mannequin stays in the app
      const h = o.heightCm / 100;
      const g = new THREE.CapsuleGeometry(h * 0.14, h * 0.72, 4, 12);
      g.translate(0, h / 2, 0);
      return new THREE.Mesh(g, new THREE.MeshStandardMaterial({ color: o.colour }));
    }
    case 'camera':
      return cameraNode(o);
    case 'light':
      return lightNode(o);
    case 'plate': {
      const aspect = o.widthPx / o.heightPx;
      const g = new THREE.PlaneGeometry(aspect * 2, 2);
      g.translate(0, 1, 0);
      return new THREE.Mesh(g, new THREE.MeshBasicMaterial({ color: '#808080', side: THREE.DoubleSide }));
    }
    case 'asset':
    case 'effectLayer':
      return new THREE.Group();
  }
}

export interface SceneGraphOptions {
  sceneId?: string;
  frame?: number;
  /** layers the export gate allowed; any other effect layer is left out of the file */
  allowedLayerIds: readonly string[];
}

/**
 * Builds the scene at a frame. Effect layers become nodes under their first target (so the building or plate
 * "holds" its generated layer) tagged with extras.previsLayerIds, which the GLB disclosure step turns into
 * per-node KHR_xmp_json_ld packets.
 */
export function buildSceneGraph(project: Project, opts: SceneGraphOptions): THREE.Scene {
  const sceneId = opts.sceneId ?? project.sceneOrder[0]!;
  const ev = evaluateScene(project, sceneId, opts.frame ?? project.settings.frameIn);
  const allowed = new Set(opts.allowedLayerIds);
  const root = new THREE.Scene();
  root.name = project.scenes[sceneId]?.name ?? 'Scene';
  const nodes = new Map<string, THREE.Object3D>();
  const objects = Object.values(ev.objects).filter((o) => o.visible && (o.type !== 'effectLayer' || allowed.has(o.id)));
  for (const o of objects) {
    const n = objectNode(o);
    n.name = o.name;
    n.userData = { ...n.userData, previsObjectId: o.id, previsType: o.type };
    if (o.type !== 'effectLayer') {
      n.position.fromArray(o.transform.position);
      n.rotation.set(...o.transform.rotation, 'XYZ');
      n.scale.fromArray(o.transform.scale);
    } else {
      n.userData.previsLayerIds = [o.id];
      n.userData.previsEffect = o.effect;
      n.userData.outputHash = o.output?.contentHash ?? null;
      const extra = layerContent.get(o.effect)?.(o);
      if (extra) n.add(extra);
    }
    nodes.set(o.id, n);
  }
  for (const o of objects) {
    const n = nodes.get(o.id)!;
    const parentId = o.type === 'effectLayer' ? (o.targetIds.find((t) => nodes.has(t)) ?? o.parentId) : o.parentId;
    const parent = parentId ? nodes.get(parentId) : undefined;
    (parent ?? root).add(n);
  }
  return root;
}
