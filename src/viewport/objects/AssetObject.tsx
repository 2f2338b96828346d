// An imported glTF/GLB from the project's asset store, scaled by its confirmed unit scale and set down so
// its bounding box stands on the object's origin (on the ground), centred on its footprint.
import { useEffect, useMemo, useState } from 'react';
import type { Object3D } from 'three';
import type { ImportedAsset } from '../../core/document';
import { editorStore } from '../../store/editorStore';
import { modelForAsset, type ParsedModel } from './gltf';

export function AssetObject({ object, selected }: { object: ImportedAsset; selected: boolean }) {
  const [model, setModel] = useState<ParsedModel | Error | null>(null);
  useEffect(() => {
    let live = true;
    modelForAsset(object.assetId).then(
      (m) => live && setModel(m),
      (e: Error) => {
        if (!live) return;
        setModel(e);
        editorStore.getState().notify('error', `${object.name}: ${e.message}`);
      },
    );
    return () => {
      live = false;
    };
  }, [object.assetId, object.name]);

  const instance = useMemo<Object3D | null>(() => {
    if (!model || model instanceof Error) return null;
    const copy = model.scene.clone(true);
    copy.traverse((o) => {
      o.castShadow = true;
      o.receiveShadow = true;
    });
    return copy;
  }, [model]);

  const s = object.unitScale;
  if (!model || model instanceof Error || !instance) {
    return (
      <mesh position={[0, 0.5, 0]}>
        <boxGeometry args={[1, 1, 1]} />
        <meshBasicMaterial color={model instanceof Error ? '#c33' : '#888'} wireframe />
      </mesh>
    );
  }
  const cx = (model.min[0] + model.max[0]) / 2;
  const cz = (model.min[2] + model.max[2]) / 2;
  const size = [(model.max[0] - model.min[0]) * s, (model.max[1] - model.min[1]) * s, (model.max[2] - model.min[2]) * s] as const;
  return (
    <group scale={[s, s, s]} userData={{ kind: 'asset', boundsMetres: size }}>
      <primitive object={instance} position={[-cx, -model.min[1], -cz]} />
      {selected ? (
        <mesh position={[0, (model.max[1] - model.min[1]) / 2, 0]}>
          <boxGeometry args={[model.max[0] - model.min[0], model.max[1] - model.min[1], model.max[2] - model.min[2]]} />
          <meshBasicMaterial color="#ffb020" wireframe />
        </mesh>
      ) : null}
    </group>
  );
}
