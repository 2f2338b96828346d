// Plays a collapse bake in the viewport. Before the trigger frame nothing of it is drawn and the building
// shows as usual; from the trigger on, the fragments are drawn at their baked poses (three BatchedMeshes —
// instancing of distinct shapes, one draw per material) and the source building's intact mesh is hidden.
// The playhead is read every frame from the non-React store; nothing here sets React state per frame.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFrame } from '@react-three/fiber';
import { BatchedMesh, Matrix4, MeshPhysicalMaterial, MeshStandardMaterial, Quaternion, Vector3, type Material, type Object3D } from 'three';
import type { EffectLayer, SceneObject } from '../../../core/document';
import { getAssetBytes } from '../../../store/assets';
import { playhead } from '../../../store/playhead';
import { projectStore } from '../../../store/projectStore';
import { editorStore, useEditor } from '../../../store/editorStore';
import { objectRefs } from '../../../viewport/objectRefs';
import { registerFramePoser } from '../../../viewport/render/framePosers';
import { decodeBake, expandPoses, type Bake } from '../bake';
import { FRAGMENT_MATERIALS, fragmentGeometries, type FragmentMaterial } from './fragmentGeometry';
import { DebrisParticles } from './DebrisParticles';
import { ImpactHandles } from './ImpactHandles';

interface Loaded {
  bake: Bake;
  poses: Float32Array[];
}

const loadedByHash = new Map<string, Loaded>();

async function loadBake(hash: string): Promise<Loaded> {
  const hit = loadedByHash.get(hash);
  if (hit) return hit;
  const bytes = await getAssetBytes(hash);
  if (!bytes) throw new Error('the collapse bake is missing from this project’s assets; re-run the collapse');
  const bake = decodeBake(bytes);
  const loaded = { bake, poses: expandPoses(bake) };
  loadedByHash.set(hash, loaded);
  return loaded;
}

/** Shows or hides the target's own mesh — a building's or an imported asset's — not its child objects. */
function setBuildingVisible(buildingId: string | undefined, visible: boolean): void {
  const g = buildingId ? objectRefs.get(buildingId) : undefined;
  g?.children.forEach((c: Object3D) => {
    if (c.userData.kind === 'building' || c.userData.kind === 'asset') c.visible = visible;
  });
}

export function CollapseLayer({ object, selected }: { object: SceneObject; selected: boolean }) {
  const layer = object as EffectLayer;
  const hash = layer.status === 'done' ? layer.output?.assetId : undefined;
  const buildingId = layer.targetIds[0];
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let live = true;
    setLoaded(null);
    if (!hash) return;
    loadBake(hash).then(
      (l) => live && setLoaded(l),
      (e: Error) => editorStore.getState().notify('error', `${layer.name}: ${e.message}`),
    );
    return () => {
      live = false;
    };
  }, [hash, layer.name]);

  // an imported asset has no colour field: its run recorded the mean colour of its materials
  const colour = useProjectBuildingColour(buildingId, typeof layer.params.surfaceColour === 'string' ? layer.params.surfaceColour : undefined);
  const batches = useMemo(() => (loaded ? buildBatches(loaded.bake) : null), [loaded]);
  useEffect(() => () => batches?.dispose(), [batches]);
  useEffect(() => {
    if (batches) (batches.materials.surface as MeshStandardMaterial).color.set(colour);
  }, [batches, colour]);
  // whatever happens to this layer (undo, hide, delete), the building comes back
  useEffect(() => () => setBuildingVisible(buildingId, true), [buildingId]);

  const applied = useRef(-2);
  const m = useMemo(() => ({ mat: new Matrix4(), p: new Vector3(), q: new Quaternion(), s: new Vector3(1, 1, 1) }), []);
  const poseAt = (frame: number, hidden = false) => {
    if (!loaded || !batches) return;
    const { bake, poses } = loaded;
    const local = Math.floor(frame) - bake.triggerFrame;
    const showing = layer.visible && !hidden && local >= 0;
    setBuildingVisible(buildingId, !showing);
    for (const b of Object.values(batches.meshes)) if (b) b.visible = showing;
    if (!showing) {
      applied.current = -2;
      return;
    }
    const idx = Math.min(local, poses.length - 1);
    if (idx === applied.current) return;
    applied.current = idx;
    const pose = poses[idx]!;
    for (const mat of FRAGMENT_MATERIALS) {
      const mesh = batches.meshes[mat];
      if (!mesh) continue;
      const ids = batches.instance[mat];
      for (let i = 0; i < ids.length; i++) {
        const inst = ids[i]!;
        if (inst < 0) continue;
        m.p.set(pose[7 * i]!, pose[7 * i + 1]!, pose[7 * i + 2]!);
        m.q.set(pose[7 * i + 3]!, pose[7 * i + 4]!, pose[7 * i + 5]!, pose[7 * i + 6]!);
        mesh.setMatrixAt(inst, m.mat.compose(m.p, m.q, m.s));
      }
    }
  };
  useFrame(() => poseAt(playhead.frame));
  // stills and animatics draw frames the playhead never visits, with this loop paused
  const poser = useRef(poseAt);
  poser.current = poseAt;
  useEffect(() => registerFramePoser(layer.id, (frame, hidden) => poser.current(frame, hidden)), [layer.id]);

  // handles are editor furniture: not through a shot camera, where they would be invisible yet grabbable
  const lookingThrough = useEditor((s) => s.viewMode === 'lookThrough');
  const handles = selected && !layer.locked && !lookingThrough ? <ImpactHandles layer={layer} /> : null;
  if (!batches || !loaded) return handles;
  return (
    <group userData={{ kind: 'collapse', layerId: layer.id }}>
      {handles}
      {FRAGMENT_MATERIALS.map((mat) => {
        const mesh = batches.meshes[mat];
        return mesh ? <primitive key={mat} object={mesh} /> : null;
      })}
      <DebrisParticles layerId={layer.id} bake={loaded.bake} visible={layer.visible} gravity={typeof layer.params.gravity === 'number' ? layer.params.gravity : 9.81} />
    </group>
  );
}

function useProjectBuildingColour(buildingId: string | undefined, fallback = '#a59d90'): string {
  const [colour, setColour] = useState(fallback);
  useEffect(() => {
    const read = () => {
      const s = projectStore.getState();
      const o = buildingId ? s.project.scenes[s.activeSceneId]?.objects[buildingId] : undefined;
      setColour(o?.type === 'building' ? o.colour : fallback);
    };
    read();
    return projectStore.subscribe(read);
  }, [buildingId, fallback]);
  return colour;
}

interface Batches {
  meshes: Record<FragmentMaterial, BatchedMesh | null>;
  /** instance id per fragment per material (−1: the fragment has no faces of that material) */
  instance: Record<FragmentMaterial, Int32Array>;
  materials: Record<FragmentMaterial, Material>;
  dispose(): void;
}

function buildBatches(bake: Bake): Batches {
  const geos = fragmentGeometries(bake.fragments);
  const materials: Record<FragmentMaterial, Material> = {
    surface: new MeshStandardMaterial({ roughness: 0.9 }),
    interior: new MeshStandardMaterial({ color: '#6f6a63', roughness: 1 }),
    glass: new MeshPhysicalMaterial({ color: '#8fb4cc', roughness: 0.05, metalness: 0.2, transparent: true, opacity: 0.6 }),
  };
  const meshes = {} as Batches['meshes'];
  const instance = {} as Batches['instance'];
  for (const mat of FRAGMENT_MATERIALS) {
    const list = geos[mat];
    const ids = new Int32Array(list.length).fill(-1);
    instance[mat] = ids;
    let verts = 0, count = 0;
    for (const g of list) {
      if (!g) continue;
      verts += g.getAttribute('position').count;
      count++;
    }
    if (count === 0) {
      meshes[mat] = null;
      continue;
    }
    const mesh = new BatchedMesh(count, verts, 0, materials[mat]);
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    mesh.frustumCulled = false; // the pile spreads beyond the building's bounds
    list.forEach((g, i) => {
      if (!g) return;
      ids[i] = mesh.addInstance(mesh.addGeometry(g));
      g.dispose();
    });
    mesh.visible = false;
    meshes[mat] = mesh;
  }
  return {
    meshes,
    instance,
    materials,
    dispose() {
      for (const mat of FRAGMENT_MATERIALS) {
        meshes[mat]?.dispose();
        materials[mat].dispose();
      }
    },
  };
}
