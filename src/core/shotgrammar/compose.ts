// The Shot Designer's controls written back as words, so the inspector and the command bar share one path
// (and the shot keeps words a director can read and edit).
import type { AngleCode, LensName, SideCode, SizeCode } from './vocabulary';

export interface DesignerFields {
  framing: 'single' | 'two' | 'ots' | 'pov' | 'insert';
  size: SizeCode | '';
  /** actor (or, for an insert, set object) names */
  subject: string;
  /** the second actor: the other of a two-shot, the shoulder of an OTS, the one a POV looks at */
  other: string;
  angle: AngleCode | '';
  side: SideCode | '';
  lensMm: number | null;
  lensName: LensName | '';
  heightM: number | null;
  dutchDeg: number | null;
}

export const EMPTY_FIELDS: DesignerFields = {
  framing: 'single',
  size: 'MS',
  subject: '',
  other: '',
  angle: '',
  side: '',
  lensMm: null,
  lensName: '',
  heightM: null,
  dutchDeg: null,
};

const ANGLE_WORDS: Record<AngleCode, string> = { eye: 'eye level', high: 'high angle', low: 'low angle', overhead: 'overhead', worm: "worm's-eye" };

export function composeWords(f: DesignerFields): string {
  const parts: string[] = [];
  const size = f.size && f.framing !== 'insert' && f.framing !== 'pov' ? f.size : '';
  if (f.framing === 'single') parts.push(`${size} on ${f.subject}`.trim());
  if (f.framing === 'two') parts.push(`two-shot ${size} ${f.subject} and ${f.other}`.replace(/\s+/g, ' '));
  if (f.framing === 'ots') parts.push(`${size} over ${f.other}'s shoulder onto ${f.subject}`.trim());
  if (f.framing === 'pov') parts.push(`POV of ${f.subject}${f.other ? ` onto ${f.other}` : ''}`);
  if (f.framing === 'insert') parts.push(`insert of ${f.subject}`);
  if (f.angle) parts.push(ANGLE_WORDS[f.angle]);
  if (f.dutchDeg) parts.push(`dutch ${f.dutchDeg}°`);
  if (f.side && f.framing !== 'pov' && f.framing !== 'ots') parts.push(f.side);
  if (f.lensMm) parts.push(`${f.lensMm} mm`);
  else if (f.lensName) parts.push(`${f.lensName} lens`);
  if (f.heightM !== null && f.framing !== 'pov') parts.push(`at ${f.heightM} m`);
  return parts.join(', ');
}
