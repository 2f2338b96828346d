// The next shot number in the numbering a scene already uses. Productions number shots 1, 2, 3 or 10, 20, 30
// (the gap leaves room for pick-ups such as 15) or 100, 200…, often behind a scene prefix ("12-3", "A1"), and
// insert letters after the number ("2A"). A new shot continues that scheme after the highest number in use.
import type { Scene } from '../document/schema';

/** The steps recognised, widest first: a scheme is the widest step most numbers are multiples of. */
const STEPS = [100, 10, 1] as const;
/** An empty shot list starts where "Renumber shots" would put the first shot. */
const FIRST_WHEN_EMPTY = 10;

interface Parsed {
  prefix: string;
  value: number;
  digits: number;
}

/** "12-30B" → prefix "12-", value 30; numbers with no digits at all take no part in the scheme. */
function parse(number: string): Parsed | null {
  const m = /^(.*?)(\d+)[A-Za-z]*$/.exec(number.trim());
  if (!m) return null;
  return { prefix: m[1]!, value: Number(m[2]), digits: m[2]!.length };
}

/**
 * `count` new numbers after the highest one in `existing`, in its scheme: after 1, 2 → 3 (not 30); after
 * 10, 20, 15 → 30; after A1, A2 → A3; after 010, 020 → 030. Never one already in use.
 */
export function nextShotNumbers(existing: readonly string[], count = 1): string[] {
  const parsed = existing.map(parse).filter((p): p is Parsed => p !== null);
  if (!parsed.length) {
    const taken = new Set(existing.map((n) => n.trim()));
    const out: string[] = [];
    for (let v = FIRST_WHEN_EMPTY; out.length < count; v += FIRST_WHEN_EMPTY) if (!taken.has(String(v))) out.push(String(v));
    return out;
  }
  // the prefix most shots share (a scene number, a unit letter); numbers with another prefix do not count
  const byPrefix = new Map<string, Parsed[]>();
  for (const p of parsed) byPrefix.set(p.prefix, [...(byPrefix.get(p.prefix) ?? []), p]);
  const [prefix, same] = [...byPrefix.entries()].sort((a, b) => b[1].length - a[1].length || b[0].length - a[0].length)[0]!;
  const values = [...new Set(same.map((p) => p.value))];
  const step = STEPS.find((s) => values.filter((v) => v > 0 && v % s === 0).length * 2 >= values.length) ?? 1;
  const highest = Math.max(...values);
  // keep zero padding where the scheme uses it ("010", "020")
  const width = same.every((p) => p.digits === same[0]!.digits) && same[0]!.digits > String(highest).length ? same[0]!.digits : 0;
  const taken = new Set(existing.map((n) => n.trim()));
  const out: string[] = [];
  for (let v = (Math.floor(highest / step) + 1) * step; out.length < count; v += step) {
    const n = `${prefix}${String(v).padStart(width, '0')}`;
    if (!taken.has(n)) out.push(n);
  }
  return out;
}

/** The next number for a new shot in this scene. */
export function nextShotNumber(scene: Pick<Scene, 'shots'>): string {
  return nextShotNumbers(Object.values(scene.shots).map((s) => s.number))[0]!;
}
