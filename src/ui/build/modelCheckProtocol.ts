// Messages between the import and its check worker.
import type { ModelFileInfo } from '../../core/geometry';

export type ModelFacts = Omit<ModelFileInfo, 'json' | 'bytes'>;
export interface ModelCheckRequest {
  bytes: Uint8Array;
  name: string;
}
export type ModelCheckResponse =
  | { type: 'progress'; stage: string; fraction: number }
  | { type: 'done'; info: ModelFacts }
  | { type: 'refused'; message: string };
