// Motion paths in the viewport: the route of every object with a keyed position (actors' walks, camera
// moves), with a dot on each key. Drawn on the editor-only layer so no render or animatic shows them.
// Recomputed when the document changes, never per frame.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute, InstancedMesh, Matrix4, MeshBasicMaterial, SphereGeometry, type Group } from 'three';
import { useProject } from '../../store/projectStore';
import { evaluateObject, keyMarkers } from '../../core/timeline';
import { EDITOR_ONLY_LAYER } from '../camera/layers';

const MAX_SAMPLES = 2000;
/** one sphere for every key dot of every path: a long take shows up to 1,000 dots, drawn as one instanced mesh */
const KEY_DOT = new SphereGeometry(0.06, 10, 8);

interface Path {
  id: string;
  colour: string;
  line: BufferGeometry;
  /** one instance per key marker */
  dots: InstancedMesh;
}

function keyDots(keys: [number, number, number][], colour: string): InstancedMesh {
  const dots = new InstancedMesh(KEY_DOT, new MeshBasicMaterial({ color: colour, depthTest: false }), keys.length);
  const m = new Matrix4();
  keys.forEach((k, i) => dots.setMatrixAt(i, m.makeTranslation(k[0], k[1], k[2])));
  dots.instanceMatrix.needsUpdate = true;
  dots.renderOrder = 2;
  // the instances' spread is not the sphere's: bounds from the instances so picking and culling see all of them
  dots.computeBoundingSphere();
  return dots;
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
      out.push({ id: t.id, colour, line, dots: keyDots(keys, colour) });
    }
    return out;
    // tracks and objects are what the paths depend on; other document edits keep the same paths
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tracks, scene?.objects, project.settings.frameIn, project.settings.frameOut, sceneId]);
  useLayoutEffect(
    () => () =>
      paths.forEach((p) => {
        p.line.dispose();
        (p.dots.material as MeshBasicMaterial).dispose();
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
          <primitive object={p.dots} />
        </group>
      ))}
    </group>
  );
}
