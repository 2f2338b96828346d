// In the viewport, every generated layer that is not approved (or lacks consent) carries its label next to
// what it alters: "AI-GENERATED · PENDING REVIEW". The label follows the live object every frame.
import { useMemo, useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Html } from '@react-three/drei/web/Html';
import { Vector3, type Group } from 'three';
import { useProject } from '../../store/projectStore';
import { useAuthority } from '../../store/studioAuthority';
import { labelsAtFrame, anchorPoint, type FrameLabel } from './burnIn';
import { readLedger } from '../../core/disclosure';
import type { SceneObject } from '../../core/document';
import './labels.css';

function Label({ label, objects }: { label: FrameLabel; objects: Record<string, SceneObject> }) {
  const group = useRef<Group>(null);
  const tmp = useMemo(() => new Vector3(), []);
  const tick = useRef(0);
  useFrame(() => {
    const g = group.current;
    // a bounding box walks every mesh of the target (a collapse has hundreds): refresh a few times a second
    if (!g || tick.current++ % 6 !== 0) return;
    const p = label.anchorIds.map((id) => anchorPoint(id, objects, tmp)).find((x) => !!x);
    if (p) g.position.copy(p);
  });
  return (
    <group ref={group}>
      <Html center={false} style={{ pointerEvents: 'none', transform: 'translate(-50%, -130%)' }} zIndexRange={[20, 10]}>
        <div className="ai-label" data-testid="ai-label" data-layer-id={label.layerId}>
          {label.text}
        </div>
      </Html>
    </group>
  );
}

export function DisclosureLabels() {
  const project = useProject((s) => s.project);
  const sceneId = useProject((s) => s.activeSceneId);
  // labels show for every frame of the layer's range: the viewport is for judging, not for a single frame
  const authority = useAuthority();
  const state = useMemo(() => readLedger(project.ledger, authority), [project.ledger, authority]);
  const labels = useMemo(() => labelsAtFrame(project, sceneId, null, state), [state, project.scenes, sceneId]); // eslint-disable-line react-hooks/exhaustive-deps
  const objects = project.scenes[sceneId]?.objects ?? {};
  return (
    <>
      {labels.map((l) => (
        <Label key={l.layerId} label={l} objects={objects} />
      ))}
    </>
  );
}
