// Messages between the UI thread and the de-age worker. Plain data and typed arrays only.
import type { ModelCard } from '../runtime/modelCard';
import type { BackendRequest, RuntimeRunReport } from '../runtime/types';
import type { DeageParams } from './params';
import type { PATCHES_MIME } from './patches';

export interface DeageJob {
  plate: { name: string; bytes: Uint8Array; mime: string; mediaKind: 'image' | 'video'; fps: number };
  params: DeageParams;
  /** inclusive start, exclusive end, in plate frames; null = all */
  frameRange: { start: number; end: number } | null;
  /** a learned model brought by the user (card + bytes); installed models are named in params.model */
  learned: { card: ModelCard; bytes: Uint8Array } | null;
  /** the card of an installed learned model (the worker validates it again through the runtime) */
  installedCard: ModelCard | null;
  backend: BackendRequest;
}

export interface DeageOutput {
  /** a PNG (stills) or, for video, per-frame patches over the plate (patches.ts, PATCHES_MIME) */
  bytes: Uint8Array;
  mime: 'image/png' | typeof PATCHES_MIME;
  /** the warped-back face mask of each frame, as patches over black (patches.ts) */
  maskBytes: Uint8Array;
  frames: number;
  /** union of the changed-pixel boxes, plate pixels [x0, y0, x1, y1) */
  bounds: [number, number, number, number];
  reports: RuntimeRunReport[];
  perFrameMs: number[];
  /** per frame, without the bake encode: track + prepare + model + composite */
  effectMs: number[];
  stageMs: { track: number; prepare: number; model: number; composite: number; encode: number };
  sourceAge: number | null;
  startedAt: string;
}

/** A timing run: one still repeated as `frames` video frames (detect once, then track), nothing stored. */
export interface DeageBench {
  raster: { width: number; height: number; data: Uint8ClampedArray };
  frames: number;
  params: DeageParams;
  backend: BackendRequest;
}

export type DeageRequest =
  | { id: number; type: 'run'; job: DeageJob }
  | { id: number; type: 'bench'; bench: DeageBench }
  | { id: number; type: 'cancel' };

export type DeageResponse =
  | { id: number; type: 'progress'; fraction: number; message: string }
  | { id: number; type: 'result'; output: DeageOutput }
  | { id: number; type: 'error'; message: string; cancelled: boolean };
