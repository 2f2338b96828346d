// The parsed line as chips (what the command bar shows before anything is applied) and as the short trade
// labels a shot record keeps (size, angle).
import type { CoverageRequest, Move, ShotDescription } from './description';
import { ANGLE_LABEL, SIZE_NAMES } from './vocabulary';

export interface Chip {
  kind: 'framing' | 'size' | 'subject' | 'angle' | 'dutch' | 'side' | 'lens' | 'height' | 'from' | 'move' | 'coverage' | 'insert';
  label: string;
}

type NameOf = (id: string) => string;

function moveLabel(m: Move, name: NameOf): string {
  const what =
    m.verb === 'push' ? 'push in' : m.verb === 'pull' ? 'pull out' : `${m.verb}${m.dir ? ` ${m.dir}` : ''}`;
  const amount = m.amount !== undefined ? ` ${m.amount}${m.verb === 'pan' || m.verb === 'tilt' ? '°' : ' m'}` : '';
  const to = m.toSize ? ` to ${m.toSize}` : m.toActorId ? ` to ${name(m.toActorId)}` : '';
  return `${what}${amount}${to} · ${m.seconds} s`;
}

export function shotChips(d: ShotDescription, name: NameOf): Chip[] {
  const chips: Chip[] = [];
  if (d.framing === 'ots' && d.ots) chips.push({ kind: 'framing', label: `over ${name(d.ots.foregroundId)}'s ${d.ots.shoulder ? `${d.ots.shoulder} ` : ''}shoulder` });
  if (d.framing === 'pov' && d.pov) chips.push({ kind: 'framing', label: `POV of ${name(d.pov.ofId)}` });
  if (d.framing === 'two') chips.push({ kind: 'framing', label: 'two-shot' });
  if (d.framing === 'group') chips.push({ kind: 'framing', label: 'group shot' });
  if (d.size) chips.push({ kind: 'size', label: `${d.size} · ${SIZE_NAMES[d.size]}` });
  for (const id of d.subjectIds) chips.push({ kind: d.framing === 'insert' ? 'insert' : 'subject', label: name(id) });
  if (d.angle) chips.push({ kind: 'angle', label: ANGLE_LABEL[d.angle] });
  if (d.dutchDeg) chips.push({ kind: 'dutch', label: `dutch ${d.dutchDeg}°` });
  if (d.side) chips.push({ kind: 'side', label: d.side });
  if (d.lens) chips.push({ kind: 'lens', label: 'mm' in d.lens ? `${d.lens.mm} mm` : `${d.lens.name} lens` });
  if (d.heightM !== undefined) chips.push({ kind: 'height', label: d.heightLabel === 'floor' ? 'from the floor' : `at ${d.heightM} m` });
  if (d.fromId) chips.push({ kind: 'from', label: `from ${name(d.fromId)}` });
  for (const m of d.moves) chips.push({ kind: 'move', label: moveLabel(m, name) });
  return chips;
}

export function coverageChips(c: CoverageRequest, name: NameOf): Chip[] {
  const chips: Chip[] = [
    { kind: 'coverage', label: 'coverage: master, 2 singles, 2 OTS' },
    { kind: 'subject', label: name(c.actorIds[0]) },
    { kind: 'subject', label: name(c.actorIds[1]) },
  ];
  if (c.lens) chips.push({ kind: 'lens', label: 'mm' in c.lens ? `${c.lens.mm} mm` : `${c.lens.name} lens` });
  for (const id of c.insertIds) chips.push({ kind: 'insert', label: `insert ${name(id)}` });
  return chips;
}

/** The angle a shot record keeps (the shot list's angle column). */
export function angleLabel(d: ShotDescription): string | null {
  if (d.framing === 'ots') return 'OTS';
  if (d.framing === 'pov') return 'POV';
  if (d.dutchDeg) return 'dutch';
  return d.angle ? SHOT_LIST_ANGLE[d.angle] : 'eye level';
}

// the words the shot list's angle column offers (core/timeline SHOT_ANGLES)
const SHOT_LIST_ANGLE = { eye: 'eye level', high: 'high', low: 'low', overhead: 'overhead', worm: "worm's eye" } as const;
