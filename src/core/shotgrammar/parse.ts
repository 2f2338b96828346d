// The shot grammar: one typed line → a shot description or a coverage request, deterministically.
// Each slot (size, angle, side, lens, height…) takes one value; a second, different value is a contradiction
// and an error, as is any word the grammar does not know (with the nearest word it does know).
import { DEFAULT_DUTCH_DEG, PHRASES, SIZE_LADDER, type Direction, type SizeCode, type Word } from './vocabulary';
import { nearestWord, tokenize, type NamedThing, type Token } from './tokens';
import type { CoverageRequest, LensRequest, Move, Parsed, ShotDescription } from './description';

export interface GrammarContext {
  actors: readonly { id: string; name: string }[];
  /** set pieces, buildings and imported props: what "from the doorway" and "insert of the phone" name */
  objects: readonly { id: string; name: string }[];
}

class GrammarError extends Error {
  constructor(message: string, readonly word?: string, readonly suggestion?: string) {
    super(message);
  }
}

const DEFAULT_MOVE_SECONDS = 2;

interface ActorMention {
  id: string;
  /** the structural word just before it: of / onto / from / the OTS or POV word itself */
  marker: 'of' | 'target' | 'ots' | 'pov' | 'from' | null;
  afterOts: boolean;
  afterPov: boolean;
}

export function parseShot(text: string, ctx: GrammarContext): Parsed {
  const names: NamedThing[] = [
    ...ctx.actors.map((a) => ({ id: a.id, name: a.name, kind: 'actor' as const })),
    ...ctx.objects.map((o) => ({ id: o.id, name: o.name, kind: 'object' as const })),
  ];
  if (!text.trim()) return { ok: false, error: 'Describe a shot, e.g. "MS on Ana, low angle, 35 mm"' };
  try {
    return new Parser(tokenize(text, names), names).run();
  } catch (e) {
    if (e instanceof GrammarError) return { ok: false, error: e.message, word: e.word, suggestion: e.suggestion };
    throw e;
  }
}

class Parser {
  private i = 0;
  private d: Partial<ShotDescription> & { moves: Move[] } = { moves: [] };
  private mentions: ActorMention[] = [];
  private objectsNamed: string[] = [];
  private two = false;
  private group = false;
  private otsSeen = false;
  private povSeen = false;
  private cover: { actorIds: string[]; insertIds: string[] } | null = null;
  private inInserts = false;
  private marker: ActorMention['marker'] = null;

  constructor(private readonly tokens: Token[], private readonly names: NamedThing[]) {}

  private peek(k = 0): Token | undefined {
    return this.tokens[this.i + k];
  }

  private isWord(tok: Token | undefined, kind: Word['kind']): boolean {
    return !!tok && tok.t === 'word' && tok.word.kind === kind;
  }

  private set<K extends keyof ShotDescription>(key: K, value: ShotDescription[K], label: string, shown: (v: ShotDescription[K]) => string) {
    const prev = this.d[key];
    if (prev !== undefined && JSON.stringify(prev) !== JSON.stringify(value)) {
      throw new GrammarError(`Contradiction: "${shown(prev as ShotDescription[K])}" and "${label}" are both ${String(key) === 'lens' ? 'lenses' : `${String(key)}s`}; keep one`, label);
    }
    this.d[key] = value as never;
  }

  private unknown(text: string): never {
    const suggestion = nearestWord(text, this.names);
    const needsMore = Object.keys(PHRASES).filter((p) => p.split(' ')[0] === text && p.includes(' '));
    if (needsMore.length) throw new GrammarError(`"${text}" needs more words: ${needsMore.slice(0, 3).map((p) => `"${p}"`).join(', ')}`, text, needsMore[0]);
    throw new GrammarError(`Unknown word "${text}" — did you mean "${suggestion}"?`, text, suggestion);
  }

  /** a number and its unit, if the next tokens are one */
  private quantity(): { value: number; unit: 'mm' | 'm' | 'cm' | 's' | 'deg' | null; text: string } | null {
    const n = this.peek();
    if (!n || n.t !== 'number') return null;
    this.i++;
    const u = this.peek();
    if (u && u.t === 'word' && u.word.kind === 'unit') {
      this.i++;
      return { value: n.value, unit: u.word.value, text: `${n.text} ${u.text}` };
    }
    return { value: n.value, unit: null, text: n.text };
  }

  /** "over 3 s", "for 2 seconds", "in 1.5 s" */
  private durationAhead(): boolean {
    const a = this.peek(), b = this.peek(1), c = this.peek(2);
    const prep = this.isWord(a, 'duration') || this.isWord(a, 'ots') || (a?.t === 'word' && a.word.kind === 'dir' && a.word.value === 'in');
    return prep && b?.t === 'number' && c?.t === 'word' && c.word.kind === 'unit' && c.word.value === 's';
  }

  private lens(req: LensRequest, label: string) {
    if ('mm' in req && !(req.mm >= 1 && req.mm <= 2000)) throw new GrammarError(`Lens ${req.mm} mm is outside 1–2000 mm`, label);
    this.set('lens', req, label, (v) => ('mm' in v! ? `${v.mm} mm` : `${v!.name} lens`));
  }

  run(): Parsed {
    while (this.i < this.tokens.length) this.step();
    return this.finish();
  }

  private step(): void {
    const tok = this.peek()!;
    if (tok.t === 'unknown') this.unknown(tok.text);
    if (tok.t === 'number') return this.bareQuantity();
    if (tok.t === 'name') {
      this.i++;
      return this.name(tok.thing);
    }
    const w = tok.word;
    if (this.durationAhead() && this.d.moves.length) {
      // a duration after a move's own words: "dolly left 2 m, then over 3 s" belongs to the last move
      this.i += 3;
      this.d.moves[this.d.moves.length - 1]!.seconds = (this.tokens[this.i - 2] as { value: number }).value;
      return;
    }
    this.i++;
    switch (w.kind) {
      case 'size':
        if (w.value === 'INSERT' && this.cover) {
          this.inInserts = true;
          return;
        }
        return this.set('size', w.value, tok.text, (v) => String(v));
      case 'angle':
        return this.set('angle', w.value, tok.text, (v) => String(v));
      case 'dutch': {
        const q = this.peek()?.t === 'number' ? this.quantity() : null;
        if (q && q.unit !== null && q.unit !== 'deg') throw new GrammarError(`Dutch angle takes degrees, not ${q.unit}`, q.text);
        const deg = q ? q.value : DEFAULT_DUTCH_DEG;
        if (!(deg > 0 && deg < 90)) throw new GrammarError(`A dutch angle of ${deg}° is not possible; give 1–89°`, q?.text);
        return this.set('dutchDeg', deg, `dutch ${deg}°`, (v) => `dutch ${v}°`);
      }
      case 'side':
        return this.set('side', w.value, tok.text, (v) => String(v));
      case 'ots':
        this.otsSeen = true;
        this.marker = 'ots';
        return;
      case 'pov':
        this.povSeen = true;
        this.marker = 'pov';
        return;
      case 'shoulder':
        return;
      case 'two':
        this.two = true;
        return;
      case 'group':
        this.group = true;
        return;
      case 'lensName':
        return this.lens({ name: w.value }, tok.text);
      case 'heightWord':
        this.set('heightM', w.metres, tok.text, (v) => `${v} m`);
        this.d.heightLabel = w.label;
        return;
      case 'at':
        return this.at();
      case 'from':
        this.marker = 'from';
        return;
      case 'move':
        return this.move(w.verb, w.dir);
      case 'dir':
        return this.strayDirection(w.value, tok.text);
      case 'unit':
        throw new GrammarError(`"${tok.text}" needs a number before it`, tok.text);
      case 'cover':
        this.cover = { actorIds: [], insertIds: [] };
        return;
      case 'insertOf':
        if (!this.cover) {
          this.set('size', 'INSERT', 'insert', (v) => String(v));
          return;
        }
        this.inInserts = true;
        return;
      case 'of':
        if (this.marker !== 'ots' && this.marker !== 'pov') this.marker = 'of';
        return;
      case 'target':
        this.marker = 'target';
        return;
      case 'then':
      case 'and':
      case 'duration':
      case 'filler':
        return;
    }
  }

  private bareQuantity(): void {
    const q = this.quantity()!;
    if (q.unit === 'mm') return this.lens({ mm: q.value }, q.text);
    if (q.unit === 'deg') {
      if (this.isWord(this.peek(), 'dutch')) {
        this.i++;
        if (!(q.value > 0 && q.value < 90)) throw new GrammarError(`A dutch angle of ${q.value}° is not possible; give 1–89°`, q.text);
        return this.set('dutchDeg', q.value, `dutch ${q.value}°`, (v) => `dutch ${v}°`);
      }
      throw new GrammarError(`"${q.text}": degrees of what? Say "dutch ${q.value}°" or "pan left ${q.value}°"`, q.text);
    }
    if (q.unit === 'm' || q.unit === 'cm') throw new GrammarError(`"${q.text}": say "at ${q.text}" for the camera height, or "dolly left ${q.text}" for a move`, q.text);
    if (q.unit === 's') throw new GrammarError(`"${q.text}": a duration needs a move, e.g. "push in to CU over ${q.text}"`, q.text);
    throw new GrammarError(`"${q.text}" needs a unit: ${q.text} mm (lens), at ${q.text} m (height), over ${q.text} s (move)`, q.text);
  }

  private at(): void {
    const q = this.quantity();
    if (!q) {
      this.marker = 'target';
      return;
    }
    if (q.unit === 'mm') return this.lens({ mm: q.value }, q.text);
    if (q.unit === 'm' || q.unit === 'cm') {
      const m = q.unit === 'cm' ? q.value / 100 : q.value;
      if (!(m >= 0.05 && m <= 100)) throw new GrammarError(`Camera height ${q.text} is outside 0.05–100 m`, q.text);
      this.set('heightM', m, `at ${q.text}`, (v) => `${v} m`);
      this.d.heightLabel = `${m} m`;
      return;
    }
    throw new GrammarError(`"at ${q.text}" needs a unit: m or cm for the camera height, mm for the lens`, q.text);
  }

  private strayDirection(dir: Direction, text: string): void {
    // "over Ben's left shoulder"
    if ((dir === 'left' || dir === 'right') && this.isWord(this.peek(), 'shoulder')) {
      this.i++;
      this.pendingShoulder = dir;
      return;
    }
    throw new GrammarError(`"${text}" on its own is unclear: say "3/4 ${text}", "profile ${text}" or "truck ${text} 1 m"`, text);
  }
  private pendingShoulder: 'left' | 'right' | undefined;

  private name(thing: NamedThing): void {
    if (thing.kind === 'object') {
      if (this.cover && this.inInserts) this.cover.insertIds.push(thing.id);
      else if (this.marker === 'from') this.set('fromId', thing.id, thing.name, (v) => String(v));
      else this.objectsNamed.push(thing.id);
      this.marker = null;
      return;
    }
    if (this.cover) {
      if (this.inInserts) throw new GrammarError(`Inserts are of set objects; "${thing.name}" is an actor`, thing.name);
      this.cover.actorIds.push(thing.id);
      return;
    }
    if (this.marker === 'from' && !this.otsSeen && !this.povSeen) {
      this.set('fromId', thing.id, thing.name, (v) => String(v));
      this.marker = null;
      return;
    }
    this.mentions.push({ id: thing.id, marker: this.marker, afterOts: this.otsSeen, afterPov: this.povSeen });
    this.marker = null;
  }

  private move(verb: Move['verb'], dir0: Direction | undefined): void {
    const m: Move = { verb, seconds: DEFAULT_MOVE_SECONDS };
    if (dir0) m.dir = dir0;
    const dirTok = this.peek();
    if (!m.dir && dirTok?.t === 'word' && dirTok.word.kind === 'dir') {
      m.dir = dirTok.word.value;
      this.i++;
    }
    const allowed: Record<Move['verb'], Direction[]> = {
      push: ['in'], pull: ['out'], dolly: ['in', 'out', 'left', 'right'], truck: ['left', 'right'],
      crane: ['up', 'down'], pan: ['left', 'right'], tilt: ['up', 'down'],
    };
    if (m.dir && !allowed[verb].includes(m.dir)) throw new GrammarError(`"${verb} ${m.dir}" is not a move; ${verb} goes ${allowed[verb].join(' or ')}`, m.dir);
    // amount
    if (this.peek()?.t === 'number') {
      const q = this.quantity()!;
      const wantsDeg = verb === 'pan' || verb === 'tilt';
      if (q.unit === 's') {
        m.seconds = q.value;
      } else if (wantsDeg ? q.unit === 'deg' || q.unit === null : q.unit === 'm' || q.unit === 'cm') {
        m.amount = q.unit === 'cm' ? q.value / 100 : q.value;
      } else {
        throw new GrammarError(`"${verb} ${m.dir ?? ''} ${q.text}": ${wantsDeg ? 'give degrees' : 'give metres'}`.replace('  ', ' '), q.text);
      }
    }
    // "to CU", "to Ben"
    if (this.isWord(this.peek(), 'target')) {
      this.i++;
      const t = this.peek();
      if (t?.t === 'word' && t.word.kind === 'size') {
        m.toSize = t.word.value;
        this.i++;
      } else if (t?.t === 'name' && t.thing.kind === 'actor') {
        m.toActorId = t.thing.id;
        this.i++;
      } else if (t?.t === 'unknown') this.unknown(t.text);
      else throw new GrammarError(`"${verb} to …": name a shot size or an actor`, t?.text);
    }
    if (this.durationAhead()) {
      this.i++;
      m.seconds = (this.quantity()!).value;
    }
    if (!(m.seconds > 0 && m.seconds <= 600)) throw new GrammarError(`A move of ${m.seconds} s is outside 0–600 s`, `${m.seconds} s`);
    if (verb === 'pan' && !m.dir && !m.toActorId) throw new GrammarError('"pan" needs a direction or a target: "pan left 30°", "pan to Ben"', 'pan');
    if (verb === 'tilt' && !m.dir) throw new GrammarError('"tilt" needs up or down', 'tilt');
    if (verb === 'crane' && !m.dir) throw new GrammarError('"crane" needs up or down', 'crane');
    if ((verb === 'dolly' || verb === 'truck') && !m.dir) throw new GrammarError(`"${verb}" needs a direction: in, out, left or right`, verb);
    if (m.toSize && verb !== 'push' && verb !== 'pull' && verb !== 'dolly') throw new GrammarError(`"${verb} to ${m.toSize}": only push in, pull out and dolly change the size`, m.toSize);
    this.d.moves.push(m);
  }

  private finish(): Parsed {
    if (this.cover) return this.finishCoverage();
    const d = this.d;
    if (this.pendingShoulder && !this.otsSeen) throw new GrammarError(`"${this.pendingShoulder} shoulder" needs "over": "over Ben's ${this.pendingShoulder} shoulder onto Ana"`, 'shoulder');
    const ids = [...new Set(this.mentions.map((m) => m.id))];
    if (this.otsSeen && this.povSeen) throw new GrammarError('Contradiction: a shot is either over the shoulder or a POV, not both', 'pov');
    let framing: ShotDescription['framing'];
    let subjectIds: string[] = ids;
    if (d.size === 'INSERT') {
      if (this.otsSeen || this.povSeen || this.two || this.group) throw new GrammarError('Contradiction: an insert frames one set object', 'insert');
      if (this.objectsNamed.length !== 1) throw new GrammarError(this.objectsNamed.length ? 'An insert frames one set object; name just one' : 'Insert of what? Name a set object, e.g. "insert of Table"', 'insert');
      framing = 'insert';
      subjectIds = this.objectsNamed;
    } else {
      if (this.objectsNamed.length) {
        const o = this.names.find((n) => n.id === this.objectsNamed[0]);
        throw new GrammarError(`"${o?.name}" is a set object: frame it with "insert of ${o?.name}" or look from it with "from ${o?.name}"`, o?.name);
      }
      if (this.otsSeen) {
        framing = 'ots';
        const after = this.mentions.filter((m) => m.afterOts);
        const fg = after.find((m) => m.marker === 'ots' || m.marker === 'of') ?? after[0];
        const target = this.mentions.find((m) => m !== fg && m.id !== fg?.id && (m.marker === 'target' || !m.afterOts)) ?? this.mentions.find((m) => m.id !== fg?.id);
        if (!fg || !target) throw new GrammarError('Over the shoulder needs two actors: "over Ben\'s shoulder onto Ana"', 'ots');
        if (ids.length > 2) throw new GrammarError('Over the shoulder takes two actors, the shoulder and the face', 'ots');
        d.ots = { foregroundId: fg.id, targetId: target.id };
        if (this.pendingShoulder) d.ots.shoulder = this.pendingShoulder;
        subjectIds = [target.id];
      } else if (this.povSeen) {
        framing = 'pov';
        const of = this.mentions.find((m) => m.marker === 'pov' || m.marker === 'of' || !m.afterPov) ?? this.mentions[0];
        if (!of) throw new GrammarError('POV of whom? "POV of Ana onto Ben"', 'pov');
        const target = this.mentions.find((m) => m.id !== of.id);
        if (ids.length > 2) throw new GrammarError('A POV takes one actor and at most one they look at', 'pov');
        d.pov = { ofId: of.id, ...(target ? { targetId: target.id } : {}) };
        subjectIds = target ? [target.id] : [];
        if (d.side) throw new GrammarError(`Contradiction: a POV looks from ${this.names.find((n) => n.id === of.id)?.name}'s eyes; "${d.side}" cannot hold`, d.side);
        if (d.fromId) throw new GrammarError('Contradiction: a POV is from the actor\'s eyes, not from a set object', 'from');
      } else if (this.two || this.group || ids.length > 1) {
        framing = this.group || ids.length > 2 ? 'group' : 'two';
        if (this.two && ids.length !== 2) throw new GrammarError(`A two-shot needs two actors; ${ids.length === 0 ? 'none named' : `${ids.length} named`}`, 'two shot');
        if (ids.length < 2) throw new GrammarError('A group shot needs at least two actors', 'group');
      } else {
        framing = 'single';
      }
      if (subjectIds.length === 0 && framing !== 'pov') {
        const known = this.names.filter((n) => n.kind === 'actor').map((n) => n.name);
        throw new GrammarError(known.length ? `Which actor? Name one: ${known.slice(0, 6).join(', ')}` : 'The scene has no actors to frame; add one first', 'actor');
      }
    }
    if (framing === 'pov' && d.size && !d.pov?.targetId) throw new GrammarError(`A POV without someone to look at has no ${d.size} to frame; add "onto <actor>"`, d.size);
    if (d.moves.some((m) => m.verb === 'pan' && m.toActorId) && framing === 'insert') throw new GrammarError('"pan to" an actor needs a shot on actors', 'pan');
    for (const m of d.moves) {
      if ((m.verb === 'push' || m.verb === 'pull') && !m.toSize && !m.amount) {
        const from = d.size ?? 'MS';
        const k = SIZE_LADDER.indexOf(from as SizeCode);
        const next = SIZE_LADDER[k + (m.verb === 'push' ? -1 : 1)];
        if (k < 0 || !next) throw new GrammarError(`Cannot ${m.verb === 'push' ? 'push in' : 'pull out'} from ${from}: name the end size`, m.verb);
        m.toSize = next;
      }
    }
    const shot: ShotDescription = { ...d, framing, subjectIds, moves: d.moves } as ShotDescription;
    return { ok: true, kind: 'shot', shot };
  }

  private finishCoverage(): Parsed {
    const c = this.cover!;
    const actors = [...new Set(c.actorIds)];
    if (actors.length !== 2) throw new GrammarError(`Coverage is of two actors; ${actors.length} named`, 'cover');
    const d = this.d;
    const extra = (['size', 'angle', 'side', 'heightM', 'fromId', 'dutchDeg'] as const).find((k) => d[k] !== undefined);
    if (extra) throw new GrammarError(`Coverage sets its own ${extra === 'heightM' ? 'height' : extra}; only a lens may be given`, String(d[extra]));
    if (d.moves.length || this.otsSeen || this.povSeen || this.mentions.length) throw new GrammarError('Coverage takes two actors, a lens and inserts of set objects, nothing more', 'cover');
    const coverage: CoverageRequest = { actorIds: [actors[0]!, actors[1]!], insertIds: [...new Set(c.insertIds)] };
    if (d.lens) coverage.lens = d.lens;
    return { ok: true, kind: 'coverage', coverage };
  }
}
