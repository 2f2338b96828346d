// The de-age effect's parameters as stored on the effect layer, and how they become graph gains.
// The years → strength mapping is a heuristic of this procedural pipeline, not a calibrated age model:
// the shipped age estimator measures what it really achieves (see the acceptance test and the report).
import { z } from 'zod';
import { REGION_COUNT } from './constants';
import type { ColourGains } from './face/cues';
import type { ShapeGains } from './face/meshWarp';

const unit = z.number().min(0).max(1);

export const DeageParams = z.object({
  /** how much younger the actor should read, in years */
  yearsYounger: z.number().min(0).max(30),
  strength: z.object({
    skin: unit,
    forehead: unit,
    crowsFeet: unit,
    underEye: unit,
    nasolabial: unit,
    jowl: unit,
  }),
  /** low-frequency tone and colour evening */
  tone: unit,
  /** landmark-driven jaw/jowl tightening on top of the shape cues; 0 = off */
  jawTighten: unit,
  /** age cues beyond smoothing (see face/cues.ts and face/meshWarp.ts); layers saved before they existed get the defaults */
  cues: z
    .object({
      /** feature contrast: skin lifted around eyes, brows and mouth (Porcheron et al. 2013) */
      contrast: unit,
      /** redder, fuller-looking lips */
      lips: unit,
      /** even, warmer skin colour */
      warmth: unit,
      /** the landmark mesh warp: fuller mid-face, tighter jaw, shorter lower face, fuller lips */
      shape: unit,
    })
    .default({ contrast: 0.7, lips: 0.7, warmth: 0.7, shape: 0.7 }),
  /** 'deage-procedural', or the id of a learned (FRAN-style) model installed or brought with a card */
  model: z.string().min(1).max(128),
  /** learned models are conditioned on the actor's apparent age in the plate, stated by the artist (required for them) */
  sourceAge: z.number().min(1).max(100).nullable(),
});
export type DeageParams = z.infer<typeof DeageParams>;

export const DEFAULT_PARAMS: DeageParams = {
  yearsYounger: 15,
  // skin and tone raised from 0.6 / 0.5 (issue 15), chosen on the tuning faces only with the cues below: tone 1
  // read younger still but washed some faces out; 0.75 kept every tuning face's identity distance ≤ 0.52
  strength: { skin: 1, forehead: 0.9, crowsFeet: 0.9, underEye: 0.8, nasolabial: 0.8, jowl: 0.5 },
  tone: 0.75,
  jawTighten: 0,
  cues: { contrast: 0.7, lips: 0.7, warmth: 0.7, shape: 0.7 },
  model: 'deage-procedural',
  sourceAge: null,
};

export interface Gains {
  wrinkle: Float32Array;
  lift: Float32Array;
  tone: number;
  jaw: number;
  colour: ColourGains;
  shape: ShapeGains;
}

/** Region order: face, skin, forehead, crowsFeet, underEye, nasolabial, jowl. */
export function gainsFor(p: DeageParams): Gains {
  const y = Math.min(2, Math.max(0, p.yearsYounger / 15));
  const s = p.strength;
  const wrinkle = Float32Array.from([0, 0.4 * s.skin, 0.9 * s.forehead, 0.9 * s.crowsFeet, 0.8 * s.underEye, 0.8 * s.nasolabial, 0.6 * s.jowl], (v) => v * y);
  const lift = Float32Array.from([0, 0, 0, 0, 0.9 * s.underEye, 0.8 * s.nasolabial, 0.3 * s.jowl], (v) => v * y);
  if (wrinkle.length !== REGION_COUNT || lift.length !== REGION_COUNT) throw new Error('gain vectors must match the region count');
  const c = p.cues;
  const shape = c.shape * y;
  return {
    wrinkle,
    lift,
    tone: 0.6 * p.tone * y,
    jaw: p.jawTighten * Math.min(1, y),
    colour: { contrast: c.contrast * y, lips: c.lips * y, warmth: c.warmth * y },
    shape: { midface: shape, jaw: shape + p.jawTighten * Math.min(1, y), chin: shape, lips: shape },
  };
}
