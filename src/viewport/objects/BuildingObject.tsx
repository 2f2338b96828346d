// Parametric buildings from the pure-core generator: walls, glass, floor slabs and roof as material groups.
// A building the generator refuses (too many triangles) is drawn as its bounding block with the reason shown.
import { useEffect, useMemo } from 'react';
import { MeshPhysicalMaterial, MeshStandardMaterial, type Material } from 'three';
import type { Building } from '../../core/document';
import { buildingHashInput, buildingParams, generateBuilding, type BuildingGeometry, type BuildingMaterialGroup } from '../../core/geometry';
import { editorStore } from '../../store/editorStore';
import { toBufferGeometry } from './meshData';

const ORDER: BuildingMaterialGroup[] = ['walls', 'glass', 'slab', 'roof'];
const ROUGHNESS: Record<Building['material'], number> = { concrete: 0.9, brick: 0.95, glass: 0.2, steel: 0.45 };
const METALNESS: Record<Building['material'], number> = { concrete: 0, brick: 0, glass: 0.1, steel: 0.6 };

/** Recently generated buildings by parameter hash input, so undo/redo and duplicates do not regenerate. */
const cache = new Map<string, BuildingGeometry>();
function generate(o: Building): BuildingGeometry | Error {
  const key = buildingHashInput(o);
  const hit = cache.get(key);
  if (hit) return hit;
  try {
    const g = generateBuilding(buildingParams(o));
    cache.set(key, g);
    if (cache.size > 16) cache.delete(cache.keys().next().value!);
    return g;
  } catch (e) {
    return e as Error;
  }
}

export function BuildingObject({ object, selected }: { object: Building; selected: boolean }) {
  const key = buildingHashInput(object);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const built = useMemo(() => generate(object), [key]);
  const geometry = useMemo(() => (built instanceof Error ? null : toBufferGeometry(built.mesh, ORDER)), [built]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  useEffect(() => {
    if (built instanceof Error) editorStore.getState().notify('error', `${object.name}: ${built.message}`);
  }, [built, object.name]);

  const materials = useMemo<Material[]>(
    () => [
      new MeshStandardMaterial(),
      new MeshPhysicalMaterial({ color: '#8fb4cc', roughness: 0.05, metalness: 0.2, transparent: true, opacity: 0.55, depthWrite: false }),
      new MeshStandardMaterial({ color: '#8d8a84', roughness: 0.9 }),
      new MeshStandardMaterial({ roughness: 0.85 }),
    ],
    [],
  );
  useEffect(() => () => materials.forEach((m) => m.dispose()), [materials]);
  const walls = materials[0] as MeshStandardMaterial;
  walls.color.set(object.colour);
  walls.roughness = ROUGHNESS[object.material];
  walls.metalness = METALNESS[object.material];
  walls.emissive.set(selected ? '#7a4a00' : '#000000');
  const roof = materials[3] as MeshStandardMaterial;
  roof.color.set(object.colour).multiplyScalar(0.55);

  if (!geometry) {
    const h = object.floors * object.floorHeight;
    return (
      <mesh position={[0, h / 2, 0]}>
        <boxGeometry args={[object.footprint.width, h, object.footprint.depth]} />
        <meshStandardMaterial color="#aa3333" wireframe />
      </mesh>
    );
  }
  // one mesh, one draw per material group; the glass casts shadows too (interiors are not blocked out here)
  return <mesh geometry={geometry} material={materials} castShadow receiveShadow userData={{ kind: 'building' }} />;
}
