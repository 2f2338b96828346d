// Errors that cross the worker boundary by name, so the UI can tell a refusal from a crash from a cancel.

/** The model or its card failed validation; `errors` names each field or op at fault. */
export class ModelRefusedError extends Error {
  override readonly name = 'ModelRefusedError';
  constructor(
    readonly modelId: string,
    readonly errors: string[],
  ) {
    super(`model "${modelId}" refused: ${errors.join('; ')}`);
  }
}

/** The caller's feeds do not fit the card's inputs. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}

export class DeviceLostError extends Error {
  override readonly name = 'DeviceLostError';
}

export function abortError(): Error {
  const e = new Error('the job was cancelled');
  e.name = 'AbortError';
  return e;
}

export interface WireError {
  name: string;
  message: string;
  modelId?: string;
  errors?: string[];
}

export function toWire(e: unknown): WireError {
  if (e instanceof ModelRefusedError) return { name: e.name, message: e.message, modelId: e.modelId, errors: e.errors };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function fromWire(w: WireError): Error {
  if (w.name === 'ModelRefusedError') return new ModelRefusedError(w.modelId ?? '?', w.errors ?? [w.message]);
  if (w.name === 'FeedError') return new FeedError(w.message);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}
