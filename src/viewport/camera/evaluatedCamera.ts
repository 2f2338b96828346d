// The camera as it is at a frame. Today: the document value. The timeline owns animation; when it
// evaluates tracks it replaces the evaluator here (setCameraEvaluator), and every look-through, HUD and
// plan drawing follows without change.
import type { Camera, Project } from '../../core/document';

export type CameraEvaluator = (project: Project, sceneId: string, cameraId: string, frame: number) => Camera | null;

const documentValue: CameraEvaluator = (project, sceneId, cameraId) => {
  const o = project.scenes[sceneId]?.objects[cameraId];
  return o && o.type === 'camera' ? o : null;
};

let evaluator: CameraEvaluator = documentValue;

/** The camera object `cameraId` evaluated at `frame` (the document value until a timeline evaluator is set). */
export function getEvaluatedCamera(project: Project, sceneId: string, cameraId: string, frame: number): Camera | null {
  return evaluator(project, sceneId, cameraId, frame);
}

/** For the timeline: install an evaluator that applies animated tracks. Pass null to go back to the document. */
export function setCameraEvaluator(e: CameraEvaluator | null): void {
  evaluator = e ?? documentValue;
}
