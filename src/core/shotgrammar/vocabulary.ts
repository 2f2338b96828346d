// The words of shot grammar as the trade speaks them: sizes, angles, sides, lens names, heights and moves,
// each with its full words and its abbreviations. Matching is on normalised tokens (lower case, hyphens and
// apostrophes split off), so "Close-up", "close up" and "CU" are one entry.

export type SizeCode = 'EWS' | 'WS' | 'LS' | 'FS' | 'MLS' | 'MS' | 'MCU' | 'CU' | 'ECU' | 'INSERT';
export type AngleCode = 'eye' | 'high' | 'low' | 'overhead' | 'worm';
export type SideCode = 'front' | '3/4 left' | '3/4 right' | 'profile left' | 'profile right' | 'back';
export type LensName = 'wide' | 'normal' | 'long';
export type MoveVerb = 'push' | 'pull' | 'dolly' | 'truck' | 'crane' | 'pan' | 'tilt';
export type Direction = 'in' | 'out' | 'left' | 'right' | 'up' | 'down';

export type Word =
  | { kind: 'size'; value: SizeCode }
  | { kind: 'angle'; value: AngleCode }
  | { kind: 'dutch' }
  | { kind: 'side'; value: SideCode }
  | { kind: 'ots' }
  | { kind: 'shoulder' }
  | { kind: 'two' }
  | { kind: 'group' }
  | { kind: 'pov' }
  | { kind: 'lensName'; value: LensName }
  | { kind: 'heightWord'; metres: number; label: string }
  | { kind: 'move'; verb: MoveVerb; dir?: Direction }
  | { kind: 'dir'; value: Direction }
  | { kind: 'unit'; value: 'mm' | 'm' | 'cm' | 's' | 'deg' }
  | { kind: 'cover' }
  | { kind: 'insertOf' }
  | { kind: 'then' }
  | { kind: 'and' }
  | { kind: 'at' }
  | { kind: 'from' }
  | { kind: 'target' }
  | { kind: 'of' }
  | { kind: 'duration' }
  | { kind: 'filler' };

/** Camera pitch of each angle, degrees (positive looks up). Dutch is roll, set apart. */
export const ANGLE_PITCH_DEG: Record<AngleCode, number> = { eye: 0, high: -20, low: 20, overhead: -90, worm: 45 };
export const ANGLE_LABEL: Record<AngleCode, string> = {
  eye: 'eye level',
  high: 'high angle',
  low: 'low angle',
  overhead: 'overhead',
  worm: "worm's-eye",
};
/** Where the camera stands round the subject, degrees from the subject's face towards the subject's left. */
export const SIDE_AZIMUTH_DEG: Record<SideCode, number> = {
  front: 0,
  '3/4 left': 45,
  '3/4 right': -45,
  'profile left': 90,
  'profile right': -90,
  back: 180,
};
export const DEFAULT_DUTCH_DEG = 15;

export const SIZE_NAMES: Record<SizeCode, string> = {
  EWS: 'extreme wide shot',
  WS: 'wide shot',
  LS: 'long shot',
  FS: 'full shot',
  MLS: 'medium long shot',
  MS: 'medium shot',
  MCU: 'medium close-up',
  CU: 'close-up',
  ECU: 'extreme close-up',
  INSERT: 'insert',
};

/** Tighter → wider, for "push in" / "pull out" without a named end size. */
export const SIZE_LADDER: SizeCode[] = ['ECU', 'CU', 'MCU', 'MS', 'MLS', 'FS', 'WS', 'EWS'];

const size = (value: SizeCode): Word => ({ kind: 'size', value });
const angle = (value: AngleCode): Word => ({ kind: 'angle', value });
const side = (value: SideCode): Word => ({ kind: 'side', value });

/** Phrase (space-separated normalised tokens) → word. Longest phrase wins when several match. */
export const PHRASES: Record<string, Word> = {
  // sizes
  'extreme wide shot': size('EWS'), 'extreme wide': size('EWS'), ews: size('EWS'), xws: size('EWS'),
  'extreme long shot': size('EWS'), els: size('EWS'), xls: size('EWS'), establishing: size('EWS'),
  'establishing shot': size('EWS'),
  'wide shot': size('WS'), wide: size('WS'), ws: size('WS'),
  'long shot': size('LS'), ls: size('LS'),
  'full shot': size('FS'), 'full figure': size('FS'), full: size('FS'), fs: size('FS'),
  'medium long shot': size('MLS'), 'medium long': size('MLS'), mls: size('MLS'), 'medium wide shot': size('MLS'),
  'medium wide': size('MLS'), mws: size('MLS'), cowboy: size('MLS'), 'cowboy shot': size('MLS'),
  'american shot': size('MLS'),
  'medium shot': size('MS'), medium: size('MS'), ms: size('MS'), 'mid shot': size('MS'), mid: size('MS'),
  'medium close up': size('MCU'), 'medium closeup': size('MCU'), mcu: size('MCU'),
  'close up': size('CU'), closeup: size('CU'), cu: size('CU'),
  'extreme close up': size('ECU'), 'extreme closeup': size('ECU'), ecu: size('ECU'), xcu: size('ECU'),
  'big close up': size('ECU'), bcu: size('ECU'),
  insert: size('INSERT'), 'insert shot': size('INSERT'), ins: size('INSERT'),
  // angles
  'eye level': angle('eye'), 'eye line': angle('eye'), el: angle('eye'), level: angle('eye'),
  'high angle': angle('high'), high: angle('high'), ha: angle('high'),
  'low angle': angle('low'), low: angle('low'), la: angle('low'),
  overhead: angle('overhead'), 'birds eye': angle('overhead'), 'birds eye view': angle('overhead'),
  'top shot': angle('overhead'), 'top down': angle('overhead'), 'worms eye': angle('worm'), 'worms eye view': angle('worm'),
  dutch: { kind: 'dutch' }, 'dutch angle': { kind: 'dutch' }, 'dutch tilt': { kind: 'dutch' },
  canted: { kind: 'dutch' }, 'canted angle': { kind: 'dutch' },
  // sides
  front: side('front'), frontal: side('front'), 'head on': side('front'), 'from the front': side('front'),
  '3/4 left': side('3/4 left'), 'three quarter left': side('3/4 left'), '3/4 l': side('3/4 left'),
  '3/4 right': side('3/4 right'), 'three quarter right': side('3/4 right'), '3/4 r': side('3/4 right'),
  'profile left': side('profile left'), 'left profile': side('profile left'),
  'profile right': side('profile right'), 'right profile': side('profile right'),
  back: side('back'), 'from behind': side('back'), rear: side('back'),
  // framings
  'over the shoulder': { kind: 'ots' }, 'over shoulder': { kind: 'ots' }, ots: { kind: 'ots' }, over: { kind: 'ots' },
  shoulder: { kind: 'shoulder' },
  'two shot': { kind: 'two' }, '2 shot': { kind: 'two' }, '2shot': { kind: 'two' }, twoshot: { kind: 'two' }, '2s': { kind: 'two' },
  group: { kind: 'group' }, 'group shot': { kind: 'group' }, 'three shot': { kind: 'group' }, '3 shot': { kind: 'group' },
  pov: { kind: 'pov' }, 'point of view': { kind: 'pov' },
  // lenses by name (a bare "wide" is the shot size; "wide lens" the lens)
  'wide lens': { kind: 'lensName', value: 'wide' }, 'wide angle lens': { kind: 'lensName', value: 'wide' },
  'on a wide lens': { kind: 'lensName', value: 'wide' },
  'normal lens': { kind: 'lensName', value: 'normal' }, 'standard lens': { kind: 'lensName', value: 'normal' },
  'long lens': { kind: 'lensName', value: 'long' }, tele: { kind: 'lensName', value: 'long' },
  telephoto: { kind: 'lensName', value: 'long' }, 'telephoto lens': { kind: 'lensName', value: 'long' },
  // heights
  'from the floor': { kind: 'heightWord', metres: 0.15, label: 'floor' }, 'floor level': { kind: 'heightWord', metres: 0.15, label: 'floor' },
  'ground level': { kind: 'heightWord', metres: 0.15, label: 'floor' }, 'from the ground': { kind: 'heightWord', metres: 0.15, label: 'floor' },
  'knee height': { kind: 'heightWord', metres: 0.5, label: 'knee height' },
  'waist height': { kind: 'heightWord', metres: 1.0, label: 'waist height' }, 'hip height': { kind: 'heightWord', metres: 1.0, label: 'waist height' },
  'shoulder height': { kind: 'heightWord', metres: 1.45, label: 'shoulder height' },
  // moves
  'push in': { kind: 'move', verb: 'push', dir: 'in' }, push: { kind: 'move', verb: 'push', dir: 'in' },
  'pull out': { kind: 'move', verb: 'pull', dir: 'out' }, 'pull back': { kind: 'move', verb: 'pull', dir: 'out' },
  pull: { kind: 'move', verb: 'pull', dir: 'out' },
  dolly: { kind: 'move', verb: 'dolly' }, track: { kind: 'move', verb: 'truck' }, truck: { kind: 'move', verb: 'truck' },
  crane: { kind: 'move', verb: 'crane' }, boom: { kind: 'move', verb: 'crane' }, jib: { kind: 'move', verb: 'crane' },
  pedestal: { kind: 'move', verb: 'crane' },
  pan: { kind: 'move', verb: 'pan' }, tilt: { kind: 'move', verb: 'tilt' },
  in: { kind: 'dir', value: 'in' }, out: { kind: 'dir', value: 'out' }, left: { kind: 'dir', value: 'left' },
  right: { kind: 'dir', value: 'right' }, up: { kind: 'dir', value: 'up' }, down: { kind: 'dir', value: 'down' },
  // units
  mm: { kind: 'unit', value: 'mm' }, millimetre: { kind: 'unit', value: 'mm' }, millimetres: { kind: 'unit', value: 'mm' },
  millimeter: { kind: 'unit', value: 'mm' }, millimeters: { kind: 'unit', value: 'mm' },
  m: { kind: 'unit', value: 'm' }, metre: { kind: 'unit', value: 'm' }, metres: { kind: 'unit', value: 'm' },
  meter: { kind: 'unit', value: 'm' }, meters: { kind: 'unit', value: 'm' },
  cm: { kind: 'unit', value: 'cm' },
  s: { kind: 'unit', value: 's' }, sec: { kind: 'unit', value: 's' }, secs: { kind: 'unit', value: 's' },
  second: { kind: 'unit', value: 's' }, seconds: { kind: 'unit', value: 's' },
  '°': { kind: 'unit', value: 'deg' }, deg: { kind: 'unit', value: 'deg' }, degree: { kind: 'unit', value: 'deg' },
  degrees: { kind: 'unit', value: 'deg' },
  // structure
  cover: { kind: 'cover' }, coverage: { kind: 'cover' }, 'coverage of': { kind: 'cover' },
  'inserts of': { kind: 'insertOf' }, 'insert of': { kind: 'insertOf' }, 'with inserts of': { kind: 'insertOf' },
  then: { kind: 'then' }, and: { kind: 'and' }, '&': { kind: 'and' },
  at: { kind: 'at' }, from: { kind: 'from' },
  onto: { kind: 'target' }, to: { kind: 'target' }, towards: { kind: 'target' }, toward: { kind: 'target' },
  'looking at': { kind: 'target' },
  of: { kind: 'of' }, for: { kind: 'duration' }, 'over the next': { kind: 'duration' },
  // words that carry no meaning of their own here
  the: { kind: 'filler' }, a: { kind: 'filler' }, an: { kind: 'filler' }, on: { kind: 'filler' }, with: { kind: 'filler' },
  shot: { kind: 'filler' }, angle: { kind: 'filler' }, view: { kind: 'filler' }, lens: { kind: 'filler' },
  camera: { kind: 'filler' }, side: { kind: 'filler' }, height: { kind: 'filler' },
};

/** Every phrase's words, for "did you mean" suggestions. */
export const VOCABULARY_WORDS: readonly string[] = [...new Set(Object.keys(PHRASES).flatMap((p) => p.split(' ')))].filter(
  (w) => w.length > 1,
);
