// Where each shot size cuts the body, as rows of the delivery frame (0 = top edge, 1 = bottom edge).
// Two marks per size: the upper one sets the headroom, the lower one is the framing line. Values follow the
// usual trade definitions (e.g. a medium shot runs from just above the head to the waist, a close-up from the
// head to the shoulders); an extreme close-up crops the forehead, so it is cut on the eyes and the chin.
import type { Landmark } from './body';
import type { SizeCode } from './vocabulary';

export interface SizeFraming {
  top: Landmark;
  topRow: number;
  bottom: Landmark;
  bottomRow: number;
  /** focal length asked for when the line names none, before snapping to the camera's lens set */
  defaultLensMm: number;
}

export const SIZE_FRAMING: Record<Exclude<SizeCode, 'INSERT'>, SizeFraming> = {
  EWS: { top: 'headTop', topRow: 0.6, bottom: 'soles', bottomRow: 0.72, defaultLensMm: 18 },
  WS: { top: 'headTop', topRow: 0.3, bottom: 'soles', bottomRow: 0.8, defaultLensMm: 24 },
  LS: { top: 'headTop', topRow: 0.3, bottom: 'soles', bottomRow: 0.8, defaultLensMm: 24 },
  FS: { top: 'headTop', topRow: 0.07, bottom: 'soles', bottomRow: 0.93, defaultLensMm: 28 },
  MLS: { top: 'headTop', topRow: 0.08, bottom: 'knees', bottomRow: 1, defaultLensMm: 32 },
  MS: { top: 'headTop', topRow: 0.09, bottom: 'waist', bottomRow: 1, defaultLensMm: 35 },
  MCU: { top: 'headTop', topRow: 0.1, bottom: 'chest', bottomRow: 1, defaultLensMm: 50 },
  CU: { top: 'headTop', topRow: 0.1, bottom: 'shoulders', bottomRow: 1, defaultLensMm: 65 },
  ECU: { top: 'eyes', topRow: 0.4, bottom: 'chin', bottomRow: 0.9, defaultLensMm: 100 },
};

/** An insert: the object's bounding box between these rows. */
export const INSERT_FRAMING = { topRow: 0.15, bottomRow: 0.85, defaultLensMm: 50, pitchDeg: -30 };

/** Look room: a subject looking across frame sits this far (in half-widths, NDC) off centre, away from the look. */
export const LOOK_ROOM_NDC = 1 / 3;
/** Over the shoulder: the face on one third, the foreground head this far towards the other edge. */
export const OTS_FACE_NDC = 1 / 3;
export const OTS_SHOULDER_NDC = 0.62;

export const DEFAULT_SIZE = { single: 'MS', two: 'MS', group: 'FS', ots: 'MCU' } as const;
