// Fallback renderer for object types that have no full renderer yet (a wireframe cube, so the object is
// still visible and selectable). Set pieces, buildings, actors, lights and assets have their own files.
import type { SceneObject } from '../../core/document';

const selColour = '#ffb020';

export function PlaceholderMesh({ selected }: { object: SceneObject; selected: boolean }) {
  return (
    <mesh position={[0, 0.5, 0]}>
      <boxGeometry args={[1, 1, 1]} />
      <meshStandardMaterial color={selected ? selColour : '#888'} wireframe />
    </mesh>
  );
}
