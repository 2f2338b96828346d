// Set pieces from the pure-core primitives: box, cylinder, plane, stairs, wall with openings cut through.
// Pieces are drawn instanced (see instancing/instancePool): a box of any size is a unit box scaled, and
// identical stairs or walls share their mesh, so a set of a thousand props costs a handful of draws.
// The piece's node holds a stand-in with its exact geometry, for picking, bounds and the highlight.
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { DoubleSide, FrontSide, Matrix4, MeshStandardMaterial } from 'three';
import type { SetPiece } from '../../core/document';
import { cylinderPrimitive, setPieceGeometry } from '../../core/geometry';
import { toBufferGeometry } from './meshData';
import { InstanceStandIn, type BucketSpec } from '../instancing/instancePool';
import { useInstancePool } from '../instancing/InstancingRoot';

const SELECTED_EMISSIVE = '#7a4a00';
const ROUGHNESS = 0.85;

interface PieceBucket {
  key: string;
  /** bucket geometry → this piece's geometry */
  local: Matrix4 | null;
  make(): BucketSpec;
}

const UNIT: [number, number, number] = [1, 1, 1];
/** sides of a far cylinder (level of detail in the editor view; the full one has 32) */
const FAR_CYLINDER_SIDES = 10;

/**
 * Which bucket draws a piece. Boxes, cylinders and planes of positive size are their unit shape scaled
 * (the same vertices, and three's instancing corrects normals for the scale); stairs, walls and anything
 * odd share a mesh only with pieces of identical geometry.
 */
export function pieceBucket(p: Pick<SetPiece, 'shape' | 'size' | 'steps' | 'openings'>): PieceBucket {
  const plane = p.shape === 'plane';
  const spec = (geometryOf: () => ReturnType<typeof toBufferGeometry>) => (): BucketSpec => ({
    geometry: geometryOf(),
    material: new MeshStandardMaterial({ roughness: ROUGHNESS, side: plane ? DoubleSide : FrontSide }),
    castShadow: !plane,
    receiveShadow: true,
  });
  const [w, h, d] = p.size;
  const scalable = (p.shape === 'box' || p.shape === 'cylinder' || plane) && w > 0 && d > 0 && (plane || h > 0);
  if (scalable) {
    const unit = spec(() => toBufferGeometry(setPieceGeometry({ shape: p.shape, size: UNIT }).mesh, ['solid']));
    return {
      key: `setPiece:${p.shape}:unit`,
      local: new Matrix4().makeScale(w, plane ? 1 : h, d),
      make:
        p.shape === 'cylinder'
          ? () => ({ ...unit(), lodGeometry: toBufferGeometry(cylinderPrimitive(UNIT, FAR_CYLINDER_SIDES).mesh, ['solid']), lodKind: 'prop' })
          : unit,
    };
  }
  const key = JSON.stringify([p.shape, p.size, p.steps ?? null, p.openings ?? []]);
  return {
    key: `setPiece:${key}`,
    local: null,
    make: spec(() => toBufferGeometry(setPieceGeometry({ shape: p.shape, size: p.size, steps: p.steps, openings: p.openings }).mesh, ['solid'])),
  };
}

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

  // the piece's own look, used when it draws itself (selected, mirrored, or outside an instancing root)
  const own = useMemo(() => new MeshStandardMaterial({ roughness: ROUGHNESS }), []);
  useEffect(() => () => own.dispose(), [own]);
  own.color.set(object.colour);
  own.emissive.set(selected ? SELECTED_EMISSIVE : '#000000');
  const side = plane ? DoubleSide : FrontSide;
  if (own.side !== side) {
    own.side = side;
    own.needsUpdate = true;
  }

  const standIn = useMemo(() => new InstanceStandIn(geometry, own), [own]); // eslint-disable-line react-hooks/exhaustive-deps
  standIn.geometry = geometry;
  standIn.castShadow = !plane;
  standIn.receiveShadow = true;
  standIn.drawOwn = selected;
  standIn.userData.kind = 'setPiece';

  const pool = useInstancePool();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const bucket = useMemo(() => pieceBucket(object), [key]);
  useLayoutEffect(() => {
    if (!pool) return;
    pool.attach(standIn, bucket.key, bucket.make);
    standIn.setLocal(bucket.local);
    return () => pool.detach(standIn);
  }, [pool, standIn, bucket]);
  useLayoutEffect(() => {
    standIn.setColour(object.colour);
    standIn.resolveDraw();
  }, [standIn, object.colour, selected, bucket]);

  return <primitive object={standIn} />;
}
