// A posable mannequin: procedural capsules and boxes per bone, placed by the pure-core rig (FK + look-at).
// The group's userData.setPose(pose) re-places the parts without React, for per-frame playback.
// Each part is an instance stand-in: mannequins of one build and height share their part meshes, so a
// crowd draws one instanced call per part instead of one per part per actor.
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { MeshStandardMaterial, type Group, type Object3D } from 'three';
import type { Actor } from '../../core/document';
import { JOINT_NAMES, forwardKinematics, effectivePose, type JointName, type Pose } from '../../core/rig';
import { buildBody, placeBody } from './mannequin';
import { posingStore, usePosing } from './posing';
import { EDITOR_ONLY_LAYER } from '../camera/layers';
import { InstanceStandIn } from '../instancing/instancePool';
import { useInstancePool } from '../instancing/InstancingRoot';

const SELECTED_EMISSIVE = '#7a4a00';
const FACE_COLOUR = '#22262b';
const BODY_ROUGHNESS = 0.65;
const FACE_ROUGHNESS = 0.4;

export function ActorObject({ object, selected }: { object: Actor; selected: boolean }) {
  const { build, heightCm } = object;
  const parts = useMemo(() => buildBody(build, heightCm, forwardKinematics(build, heightCm, {}, { ground: false })), [build, heightCm]);
  // the far mannequin (level of detail in the editor view): the same parts, coarser curves
  const farParts = useMemo(() => buildBody(build, heightCm, forwardKinematics(build, heightCm, {}, { ground: false }), 'low'), [build, heightCm]);
  useEffect(() => () => farParts.forEach((p) => p.geometry.dispose()), [farParts]);
  useEffect(() => () => parts.forEach((p) => p.geometry.dispose()), [parts]);
  const body = useMemo(() => new MeshStandardMaterial({ roughness: BODY_ROUGHNESS }), []);
  const face = useMemo(() => new MeshStandardMaterial({ color: FACE_COLOUR, roughness: FACE_ROUGHNESS }), []);
  useEffect(() => () => (body.dispose(), face.dispose()), [body, face]);
  body.color.set(object.colour);
  body.emissive.set(selected ? SELECTED_EMISSIVE : '#000000');

  const standIns = useMemo(
    () =>
      parts.map((p) => {
        const s = new InstanceStandIn(p.geometry, p.material === 'face' ? face : body);
        s.name = `part:${p.name}`;
        s.castShadow = true;
        s.receiveShadow = true;
        // the whole body decides its detail, so no part switches alone
        s.lodRadius = heightCm / 200;
        return s;
      }),
    [parts, body, face, heightCm],
  );
  const pool = useInstancePool();
  useLayoutEffect(() => {
    if (!pool) return;
    standIns.forEach((s, i) => {
      const part = parts[i]!;
      const far = farParts[i]!.geometry;
      // boxes (hands, feet, ribcage, visor) have nothing to simplify
      const simpler = far.getAttribute('position').count < part.geometry.getAttribute('position').count;
      // build and height fix every part's mesh (see mannequin.ts), so they name the bucket
      pool.attach(s, `actor:${build}:${heightCm}:${part.name}`, () => ({
        geometry: part.geometry.clone(),
        material: new MeshStandardMaterial({ roughness: part.material === 'face' ? FACE_ROUGHNESS : BODY_ROUGHNESS }),
        castShadow: true,
        receiveShadow: true,
        ...(simpler ? { lodGeometry: far.clone(), lodKind: 'actor' as const } : {}),
      }));
    });
    return () => standIns.forEach((s) => pool.detach(s));
  }, [pool, standIns, parts, farParts, build, heightCm]);
  useLayoutEffect(() => {
    standIns.forEach((s, i) => {
      s.drawOwn = selected;
      s.setColour(parts[i]!.material === 'face' ? FACE_COLOUR : object.colour);
      s.resolveDraw();
    });
  }, [standIns, parts, selected, object.colour, pool]);

  const meshes = useRef<(Object3D | null)[]>([]);
  meshes.current = standIns;
  const group = useRef<Group>(null);
  const markers = useRef<(Object3D | null)[]>([]);
  const posingJoint = usePosing((s) => (s.actorId === object.id ? s.joint : undefined));

  const pose = useMemo(() => effectivePose(object), [object]);
  useLayoutEffect(() => {
    const g = group.current;
    if (!g) return;
    const apply = (p: Pose) => {
      const fig = forwardKinematics(build, heightCm, p);
      placeBody(parts, meshes.current, fig);
      JOINT_NAMES.forEach((j, i) => {
        const m = markers.current[i];
        if (m) m.position.set(...fig.joints[j].position);
      });
    };
    g.userData.setPose = apply;
    // the timeline's per-frame driver hands over the evaluated actor (see render/applyEvaluated)
    g.userData.poseActor = (a: Actor) => apply(effectivePose(a));
    apply(pose);
  }, [pose, parts, build, heightCm, posingJoint]);

  const h = heightCm / 100;
  return (
    <group ref={group} userData={{ kind: 'actor' }}>
      {standIns.map((s) => (
        <primitive key={s.uuid} object={s} />
      ))}
      {posingJoint !== undefined
        ? JOINT_NAMES.map((j, i) => (
            <JointMarker
              key={j}
              joint={j}
              active={posingJoint === j}
              radius={0.018 * h}
              register={(o) => {
                markers.current[i] = o;
              }}
              onPick={() => posingStore.getState().pick(object.id, j)}
            />
          ))
        : null}
    </group>
  );
}

function JointMarker(props: { joint: JointName; active: boolean; radius: number; register(o: Object3D | null): void; onPick(): void }) {
  return (
    <mesh
      ref={(m) => {
        props.register(m);
        m?.layers.set(EDITOR_ONLY_LAYER);
      }}
      name={`joint:${props.joint}`}
      renderOrder={10}
      onClick={(e: ThreeEvent<MouseEvent>) => {
        e.stopPropagation();
        props.onPick();
      }}
    >
      <sphereGeometry args={[props.active ? props.radius * 1.6 : props.radius, 12, 8]} />
      <meshBasicMaterial color={props.active ? '#ffcc00' : '#3aa0ff'} depthTest={false} transparent opacity={0.9} />
    </mesh>
  );
}
