// A parsed shot: what the director asked for, before any camera is solved. Plain data.
import type { AngleCode, Direction, LensName, MoveVerb, SideCode, SizeCode } from './vocabulary';

export type LensRequest = { mm: number } | { name: LensName };

export interface Move {
  verb: MoveVerb;
  dir?: Direction;
  /** metres for dolly/truck/crane, degrees for pan/tilt */
  amount?: number;
  toSize?: SizeCode;
  /** "pan to Ben": aim at this actor at the end of the move */
  toActorId?: string;
  seconds: number;
}

export interface ShotDescription {
  framing: 'single' | 'two' | 'group' | 'ots' | 'pov' | 'insert';
  size?: SizeCode;
  /** actors framed (single / two / group), or the object of an insert */
  subjectIds: string[];
  angle?: AngleCode;
  dutchDeg?: number;
  side?: SideCode;
  /** over-the-shoulder: the foreground actor and the one framed */
  ots?: { foregroundId: string; targetId: string; shoulder?: 'left' | 'right' };
  pov?: { ofId: string; targetId?: string };
  lens?: LensRequest;
  heightM?: number;
  heightLabel?: string;
  /** "from the doorway": the camera looks from this set object (or actor) towards the subject */
  fromId?: string;
  moves: Move[];
}

export interface CoverageRequest {
  actorIds: [string, string];
  insertIds: string[];
  lens?: LensRequest;
}

export type Parsed =
  | { ok: true; kind: 'shot'; shot: ShotDescription }
  | { ok: true; kind: 'coverage'; coverage: CoverageRequest }
  | { ok: false; error: string; word?: string; suggestion?: string };
