// From a typed line to the tokens the grammar reads: lower case, hyphens as spaces, numbers split from their
// units ("35mm" → 35 mm), possessives dropped from names ("Ben's" → ben) but kept in trade words
// ("bird's-eye" → birds eye), and names of actors and set objects matched as whole phrases.
import { PHRASES, VOCABULARY_WORDS, type Word } from './vocabulary';

export interface NamedThing {
  id: string;
  name: string;
  kind: 'actor' | 'object';
}

export type Token =
  | { t: 'word'; word: Word; text: string }
  | { t: 'number'; value: number; text: string }
  | { t: 'name'; thing: NamedThing; text: string }
  | { t: 'unknown'; text: string };

const VOCAB = new Set(VOCABULARY_WORDS);

export function normalise(text: string): string[] {
  const s = text
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/¾/g, ' 3/4 ')
    .replace(/°/g, ' ° ')
    .replace(/[‐‑–—-]/g, ' ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/[,;:!?()"]/g, ' ');
  const out: string[] = [];
  for (let raw of s.split(/\s+/)) {
    raw = raw.replace(/\.+$/, '');
    if (!raw) continue;
    if (raw.endsWith("'s")) {
      const stem = raw.slice(0, -2);
      out.push(VOCAB.has(`${stem}s`) ? `${stem}s` : stem);
      continue;
    }
    const bare = raw.replace(/'/g, '');
    if (bare) out.push(bare);
  }
  return out;
}

const PHRASE_TOKENS = Object.entries(PHRASES).map(([k, w]) => ({ tokens: k.split(' '), word: w, text: k }));
const NUMBER = /^\d+(\.\d+)?$/;

function matchAt(tokens: string[], i: number, seq: string[]): boolean {
  if (i + seq.length > tokens.length) return false;
  for (let k = 0; k < seq.length; k++) if (tokens[i + k] !== seq[k]) return false;
  return true;
}

/** Tokens of a line; names (actors, set objects) are matched first, longest phrase first. */
export function tokenize(text: string, names: readonly NamedThing[]): Token[] {
  const raw = normalise(text);
  const nameSeqs = names
    .map((thing) => ({ thing, tokens: normalise(thing.name) }))
    .filter((n) => n.tokens.length > 0)
    .sort((a, b) => b.tokens.length - a.tokens.length);
  const out: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const name = nameSeqs.find((n) => matchAt(raw, i, n.tokens));
    let phrase: (typeof PHRASE_TOKENS)[number] | undefined;
    for (const p of PHRASE_TOKENS) if (matchAt(raw, i, p.tokens) && (!phrase || p.tokens.length > phrase.tokens.length)) phrase = p;
    if (name && (!phrase || name.tokens.length >= phrase.tokens.length)) {
      out.push({ t: 'name', thing: name.thing, text: name.thing.name });
      i += name.tokens.length;
    } else if (phrase) {
      out.push({ t: 'word', word: phrase.word, text: phrase.text });
      i += phrase.tokens.length;
    } else if (NUMBER.test(raw[i]!)) {
      out.push({ t: 'number', value: Number(raw[i]), text: raw[i]! });
      i += 1;
    } else {
      out.push({ t: 'unknown', text: raw[i]! });
      i += 1;
    }
  }
  return out;
}

/** Edit distance with adjacent swaps counted as one edit (optimal string alignment): typing slips. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The nearest known word or name to `word` (vocabulary, then the scene's names). */
export function nearestWord(word: string, names: readonly NamedThing[]): string {
  const candidates = [...VOCABULARY_WORDS, ...names.map((n) => n.name)];
  let best = candidates[0]!;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}
