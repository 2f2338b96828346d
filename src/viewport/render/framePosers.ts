// Some things are posed by the viewport's own frame loop from the playhead rather than from the evaluated
// document: effect layers whose output is a bake (collapse fragments, debris). A still or an animatic renders
// frames the playhead never visits, with the viewport's loop paused, so each such thing registers a poser here
// and every render awaits `poseFramesAt` before it draws.

/** Poses its objects for a scene frame; `hidden` says the render leaves this layer out (an export gate refused it). */
export type FramePoser = (frame: number, hidden: boolean) => void | Promise<void>;

const posers = new Map<string, { layerId: string; pose: FramePoser }>();
let nextKey = 0;

/** Registers a poser for one layer; the returned function removes it (call it on unmount). */
export function registerFramePoser(layerId: string, pose: FramePoser): () => void {
  const key = `${layerId}#${nextKey++}`;
  posers.set(key, { layerId, pose });
  return () => void posers.delete(key);
}

/** Poses every registered layer for `frame` and resolves when all of them are ready to draw. */
export async function poseFramesAt(frame: number, hiddenIds: readonly string[] = []): Promise<void> {
  const hidden = new Set(hiddenIds);
  await Promise.all([...posers.values()].map(({ layerId, pose }) => pose(frame, hidden.has(layerId))));
}

/** How many posers are registered (for tests and the status of a render). */
export function framePoserCount(): number {
  return posers.size;
}
