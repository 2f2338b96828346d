export { renderAnimatic, renderAnimaticFile, type AnimaticOptions, type AnimaticProgress, type AnimaticHooks, type AnimaticFile } from './renderAnimatic';
export { renderShotStill, renderShotFrame, type StillOptions } from './renderShotStill';
export { planAnimatic, type PlannedFrame } from './plan';
