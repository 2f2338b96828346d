// What both animatic pipelines share for one export: the plan, the renderer, the encoder link, the burn-ins
// and the running timings. Built by renderAnimatic.ts, used by serialFrames.ts and overlappedFrames.ts.
import type { Camera, Project } from '../../core/document';
import { frameToTimecode, usesDropFrame } from '../../core/timeline';
import type { FrameRenderer, FrameRect } from '../../viewport/render/frameRenderer';
import type { BurnLabel } from '../../viewport/labels/burnInDraw';
import type { SlateInfo } from '../../viewport/render/slate';
import type { EncoderLink } from './encoderLink';
import { seekPlates } from '../../viewport/plates/plateScreen';
import { poseFramesAt } from '../../viewport/render/framePosers';
import type { PlannedFrame } from './plan';

export interface StageTimings {
  /** main thread: plates, baked layers, evaluating the document at t, posing the scene graph, fingerprints */
  evaluateMs: number;
  /** main thread: issuing the GL draw calls */
  submitMs: number;
  /** main thread: waiting for the GL frame and copying it into a VideoFrame (burn-ins included) */
  captureMs: number;
  /** with syncTimings: waiting for the GL to finish drawing (the draw's own cost) */
  gpuMs: number;
  /** main thread: read-back calls and copies (the overlapped pipeline; the serial one counts them in captureMs) */
  readbackMs: number;
  /** main thread: waiting on the encoder (its queue was full) or a read-back, and finalising the file */
  encoderWaitMs: number;
  firstFrameMs: number;
}

export interface FrameJob {
  project: Project;
  sceneId: string;
  plan: PlannedFrame[];
  width: number;
  height: number;
  usPerFrame: number;
  renderer: FrameRenderer;
  link: EncoderLink;
  hiddenObjectIds?: readonly string[];
  maxInFlight: number;
  syncTimings: boolean;
  /** the labels of unapproved generated layers in this frame */
  labelsFor: (activeLayerIds: readonly string[], camera: FrameRenderer['camera'], rect: FrameRect) => BurnLabel[];
  /** the slate of this frame, or null when none is burnt in */
  slateFor: (f: PlannedFrame, camera: Camera) => SlateInfo | null;
  signal?: AbortSignal;
  t: StageTimings;
  t0: number;
  report: (rendered: number) => void;
}

/**
 * The part of a frame both pipelines do alike: video plates show this frame's picture, baked effect layers pose
 * for it (not for the playhead), the document is evaluated and drawn, and the labels of unapproved layers in the
 * picture are placed. Books evaluate and submit time; `drawnAt` is when the draw calls were issued.
 */
export async function drawPlannedFrame(job: FrameJob, f: PlannedFrame, reusePicture: boolean): Promise<{ camera: Camera; labels: BurnLabel[]; drawn: boolean; drawnAt: number }> {
  const e0 = performance.now();
  await seekPlates(job.project, job.sceneId, f.sceneFrame);
  await poseFramesAt(f.sceneFrame, job.hiddenObjectIds);
  const r0 = performance.now();
  const { camera, evaluated, rect, drawn, poseMs } = job.renderer.render(job.project, job.sceneId, f.sceneFrame, f.cameraId, job.hiddenObjectIds, { reusePicture });
  const labels = job.labelsFor(evaluated.activeLayerIds, job.renderer.camera, rect);
  const drawnAt = performance.now();
  job.t.evaluateMs += r0 - e0 + poseMs;
  job.t.submitMs += drawnAt - r0 - poseMs;
  return { camera, labels, drawn, drawnAt };
}

function lensLabel(p: Project, sceneId: string, f: PlannedFrame, focal: number): string {
  const cam = p.scenes[sceneId]?.objects[f.cameraId];
  const ana = cam?.type === 'camera' && cam.lens.kind === 'anamorphic' ? ` ${cam.lens.squeeze}×A` : '';
  return `${Math.round(focal * 10) / 10}mm${ana}`;
}

/** The burn-in slate for each frame: shot, take, lens, timecode; `title` (e.g. DRAFT) in the middle. */
export function slateMaker(project: Project, sceneId: string, title?: string) {
  const dropFrame = usesDropFrame(project.settings);
  return (f: PlannedFrame, camera: Camera): SlateInfo => ({
    shot: f.shot?.number ?? '—',
    take: f.shot?.take ?? 1,
    lens: lensLabel(project, sceneId, f, camera.lens.focalLengthMm),
    timecode: frameToTimecode(f.sceneFrame, project.settings.fps, { dropFrame }),
    shotFrame: f.shotFrame,
    shotLength: f.shotLength,
    ...(title ? { title } : {}),
  });
}
