// three layer for things only the editor sees (camera bodies, frusta, plan marks). A camera that makes
// the picture — look-through, animatic, export — renders layer 0 only, so these never end up in a frame.
export const EDITOR_ONLY_LAYER = 1;
