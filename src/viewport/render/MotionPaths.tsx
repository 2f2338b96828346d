// Motion paths in the viewport: the route of every object with a keyed position (actors' walks, camera
// moves), with a dot on each key. Drawn on the editor-only layer so no render or animatic shows them.
// Recomputed when the document changes, never per frame.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute, Uint32BufferAttribute, SphereGeometry, type Group } from 'three';
import { useProject } from '../../store/projectStore';
import { evaluateObject, keyMarkers } from '../../core/timeline';
import { EDITOR_ONLY_LAYER } from '../camera/layers';

const MAX_SAMPLES = 2000;
/** the dot on each key; a long take shows up to 1,000, merged into one geometry per path (one draw, and the same
 * basic material as every other dot, so no new shader is compiled for it) */
const KEY_DOT = new SphereGeometry(0.06, 10, 8);

interface Path {
  id: string;
  colour: string;
  line: BufferGeometry;
  /** a sphere at every key marker, merged */
  dots: BufferGeometry;
}

function keyDots(keys: [number, number, number][]): BufferGeometry {
  const base = KEY_DOT.getAttribute('position').array as Float32Array;
  const baseIndex = KEY_DOT.getIndex()!.array;
  const n = base.length / 3;
  const positions = new Float32Array(keys.length * base.length);
  const index = new Uint32Array(keys.length * baseIndex.length);
  keys.forEach(([x, y, z], k) => {
    const o = k * base.length;
    for (let i = 0; i < base.length; i += 3) {
      positions[o + i] = base[i]! + x;
      positions[o + i + 1] = base[i + 1]! + y;
      positions[o + i + 2] = base[i + 2]! + z;
    }
    const io = k * baseIndex.length;
    for (let i = 0; i < baseIndex.length; i++) index[io + i] = baseIndex[i]! + k * n;
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new Float32BufferAttribute(positions, 3));
  g.setIndex(new Uint32BufferAttribute(index, 1));
  return g;
}

export function MotionPaths() {
  const project = useProject((s) => s.project);
  const sceneId = useProject((s) => s.activeSceneId);
  const scene = project.scenes[sceneId];
  const tracks = scene?.tracks;
  const paths = useMemo<Path[]>(() => {
    if (!scene) return [];
    const { frameIn, frameOut } = project.settings;
    const step = Math.max(1, Math.ceil((frameOut - frameIn) / MAX_SAMPLES));
    const out: Path[] = [];
    for (const t of Object.values(scene.tracks)) {
      const o = scene.objects[t.targetId];
      if (t.property !== 'transform.position' || !o || t.keys.length < 2) continue;
      const pts: number[] = [];
      // a loop, not Math.min(...frames): spreading 100,000 keys as arguments can overflow the stack
      let lo = Infinity;
      let hi = -Infinity;
      for (const k of t.keys) [lo, hi] = [Math.min(lo, k.frame), Math.max(hi, k.frame)];
      const first = Math.max(frameIn, lo);
      const last = Math.min(frameOut - 1, hi);
      for (let f = first; f <= last; f += step) {
        const e = evaluateObject(project, sceneId, o.id, f);
        if (e) pts.push(...e.transform.position);
      }
      const e = evaluateObject(project, sceneId, o.id, last);
      if (e) pts.push(...e.transform.position);
      const line = new BufferGeometry();
      line.setAttribute('position', new Float32BufferAttribute(pts, 3));
      const keys = keyMarkers(t.keys, frameIn, frameOut)
        .map((k) => evaluateObject(project, sceneId, o.id, k.frame)?.transform.position)
        .filter((p): p is [number, number, number] => !!p);
      const colour = o.type === 'camera' ? '#ffd166' : '#ef476f';
      out.push({ id: t.id, colour, line, dots: keyDots(keys) });
    }
    return out;
    // tracks and objects are what the paths depend on; other document edits keep the same paths
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tracks, scene?.objects, project.settings.frameIn, project.settings.frameOut, sceneId]);
  useLayoutEffect(
    () => () =>
      paths.forEach((p) => {
        p.line.dispose();
        p.dots.dispose();
      }),
    [paths],
  );
  const group = useRef<Group>(null);
  useLayoutEffect(() => {
    group.current?.traverse((o) => o.layers.set(EDITOR_ONLY_LAYER));
  });
  return (
    <group ref={group} name="motion-paths">
      {paths.map((p) => (
        <group key={p.id}>
          <line>
            <primitive object={p.line} attach="geometry" />
            <lineBasicMaterial color={p.colour} depthTest={false} transparent opacity={0.9} />
          </line>
          <mesh renderOrder={2}>
            <primitive object={p.dots} attach="geometry" />
            <meshBasicMaterial color={p.colour} depthTest={false} />
          </mesh>
        </group>
      ))}
    </group>
  );
}
