// Burns the "AI-GENERATED · PENDING REVIEW" labels into rendered preview frames (stills, animatic), next to
// the generated element when its position is known, else stacked in the top-left corner. Used by any
// renderer that draws frames outside the live viewport.
import { Box3, Vector3, type Camera } from 'three';
import type { Project, SceneObject } from '../../core/document';
import { discloseProject, readLedger, type LedgerState } from '../../core/disclosure';
import { NO_AUTHORITY } from '../../core/studio/authority';
import { authorityStore } from '../../store/studioAuthority';
import { objectRefs } from '../objectRefs';
import type { BurnLabel } from './burnInDraw';

export { burnDisclosureLabels, type BurnLabel } from './burnInDraw';

export interface FrameLabel {
  layerId: string;
  text: string;
  /** the objects the label belongs next to: the layer's targets, or the layer itself */
  anchorIds: string[];
}

/** Labels of the generated layers of a scene that are live at a frame and not approved. */
export function labelsAtFrame(project: Project, sceneId: string, frame: number | null = null, state: LedgerState = readLedger(project.ledger, NO_AUTHORITY)): FrameLabel[] {
  const scene = project.scenes[sceneId];
  if (!scene) return [];
  const out: FrameLabel[] = [];
  for (const d of discloseProject(project, state).values()) {
    if (d.facts.sceneId !== sceneId || !d.label) continue;
    const layer = scene.objects[d.facts.layerId];
    if (!layer || layer.type !== 'effectLayer' || !layer.visible) continue;
    const fr = layer.frameRange;
    if (frame !== null && fr && (frame < fr.start || frame > fr.end)) continue;
    out.push({ layerId: layer.id, text: d.label, anchorIds: layer.targetIds.length ? layer.targetIds : [layer.id] });
  }
  return out;
}

const box = new Box3();
const v = new Vector3();

/** The world point a label hangs from: the top centre of the live object, or its document position. */
export function anchorPoint(id: string, objects: Record<string, SceneObject>, target = new Vector3()): Vector3 | null {
  const live = objectRefs.get(id);
  if (live) {
    box.setFromObject(live);
    if (!box.isEmpty()) return box.getCenter(target).setY(box.max.y);
    return live.getWorldPosition(target);
  }
  const o = objects[id];
  return o ? target.set(...o.transform.position) : null;
}

/**
 * Projects each label's anchor through a camera into pixel coordinates; labels behind the camera are
 * unanchored. `width` × `height` is the camera's picture; `left`, `top` where it sits in the frame (letterbox).
 */
export function anchorLabels(labels: readonly FrameLabel[], objects: Record<string, SceneObject>, camera: Camera, width: number, height: number, left = 0, top = 0): BurnLabel[] {
  return labels.map((l) => {
    const p = l.anchorIds.map((id) => anchorPoint(id, objects, new Vector3())).find((x): x is Vector3 => !!x);
    if (!p) return { text: l.text };
    v.copy(p).project(camera);
    if (v.z > 1 || v.z < -1 || Math.abs(v.x) > 1.2 || Math.abs(v.y) > 1.2) return { text: l.text };
    return { text: l.text, x: left + ((v.x + 1) / 2) * width, y: top + ((1 - v.y) / 2) * height };
  });
}

/**
 * The labels a rendered preview frame must carry: every generated layer of the scene that is live in the
 * frame (`activeLayerIds`, the timeline's own test), drawn (not hidden by an export gate) and not approved.
 * The ledger is read once per export; per frame only the filter and the projection run.
 */
export function previewLabeller(project: Project, sceneId: string, hiddenIds: readonly string[] = []) {
  const hidden = new Set(hiddenIds);
  // approvals count only as the studio authority reads them (without a studio root: none do, labels stay)
  const all = labelsAtFrame(project, sceneId, null, readLedger(project.ledger, authorityStore.getState().authority)).filter((l) => !hidden.has(l.layerId));
  const objects = project.scenes[sceneId]?.objects ?? {};
  return (activeLayerIds: readonly string[], camera: Camera, rect: { x: number; y: number; width: number; height: number }): BurnLabel[] => {
    if (!all.length) return [];
    const live = all.filter((l) => activeLayerIds.includes(l.layerId));
    return live.length ? anchorLabels(live, objects, camera, rect.width, rect.height, rect.x, rect.y) : [];
  };
}
