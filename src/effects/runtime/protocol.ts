// Messages between the runtime client (UI thread) and its worker.
import type { WireError } from './errors';
import type { BackendRequest, Feeds, ModelInput, Progress } from './types';

export type Request =
  | { id: number; type: 'run'; model: ModelInput; feeds: Feeds; options: { backend?: BackendRequest; tiled?: boolean } }
  | { id: number; type: 'testVectors'; model: ModelInput; backend?: BackendRequest }
  | { id: number; type: 'status' }
  | { id: number; type: 'validate'; card: unknown; bytes: Uint8Array }
  | { id: number; type: 'forceDeviceLoss' }
  | { id: number; type: 'armDeviceLoss'; afterSteps: number }
  | { id: number; type: 'cancel'; target: number };

export type Response =
  | { id: number; type: 'progress'; progress: Progress }
  | { id: number; type: 'result'; value: unknown }
  | { id: number; type: 'error'; error: WireError };
