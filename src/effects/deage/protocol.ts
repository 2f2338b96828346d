// Messages between the UI thread and the de-age worker. Plain data and typed arrays only.
import type { ModelCard } from '../runtime/modelCard';
import type { BackendRequest, RuntimeRunReport } from '../runtime/types';
import type { DeageParams } from './params';

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
  /** a PNG (stills) or a zip of PNG frames `frame_00000.png` (video) */
  bytes: Uint8Array;
  mime: 'image/png' | 'application/zip';
  /** the warped-back face mask of each frame, same packing (mask_00000.png in the zip) */
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
