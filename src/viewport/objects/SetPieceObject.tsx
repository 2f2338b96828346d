// Set pieces from the pure-core primitives: box, cylinder, plane, stairs, wall with openings cut through.
import { useEffect, useMemo } from 'react';
import { DoubleSide } from 'three';
import type { SetPiece } from '../../core/document';
import { setPieceGeometry } from '../../core/geometry';
import { toBufferGeometry } from './meshData';

export function SetPieceObject({ object, selected }: { object: SetPiece; selected: boolean }) {
  const key = JSON.stringify([object.shape, object.size, object.steps ?? null, object.openings ?? []]);
  const geometry = useMemo(
    () => toBufferGeometry(setPieceGeometry({ shape: object.shape, size: object.size, steps: object.steps, openings: object.openings }).mesh, ['solid']),
    // the key carries every geometric input
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  useEffect(() => () => geometry.dispose(), [geometry]);
  const plane = object.shape === 'plane';
  return (
    <mesh geometry={geometry} castShadow={!plane} receiveShadow userData={{ kind: 'setPiece' }}>
      <meshStandardMaterial color={object.colour} emissive={selected ? '#7a4a00' : '#000000'} roughness={0.85} side={plane ? DoubleSide : undefined} />
    </mesh>
  );
}
