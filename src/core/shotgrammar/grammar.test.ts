// The grammar on its own: full words and abbreviations read the same, case does not matter, every slot takes
// one value, and a word it does not know is named with the nearest word it does.
import { describe, expect, it } from 'vitest';
import { parseShot, type GrammarContext } from './parse';
import type { ShotDescription } from './description';

const ctx: GrammarContext = {
  actors: [
    { id: 'ana', name: 'Ana' },
    { id: 'ben', name: 'Ben' },
    { id: 'mary', name: 'Mary Jane' },
  ],
  objects: [
    { id: 'door', name: 'Doorway' },
    { id: 'table', name: 'Table' },
  ],
};

function shot(text: string): ShotDescription {
  const r = parseShot(text, ctx);
  if (!r.ok) throw new Error(`${text}: ${r.error}`);
  if (r.kind !== 'shot') throw new Error(`${text}: not a shot`);
  return r.shot;
}

function refusal(text: string) {
  const r = parseShot(text, ctx);
  if (r.ok) throw new Error(`${text} was accepted: ${JSON.stringify(r)}`);
  return r;
}

describe('shot grammar: words and abbreviations', () => {
  it.each([
    ['extreme wide shot', 'EWS'], ['EWS', 'EWS'], ['xls', 'EWS'], ['wide shot', 'WS'], ['WS', 'WS'], ['long shot', 'LS'],
    ['full shot', 'FS'], ['fs', 'FS'], ['medium long shot', 'MLS'], ['cowboy', 'MLS'], ['MLS', 'MLS'], ['medium shot', 'MS'],
    ['Ms', 'MS'], ['medium close-up', 'MCU'], ['MCU', 'MCU'], ['close-up', 'CU'], ['close up', 'CU'], ['CU', 'CU'],
    ['extreme close-up', 'ECU'], ['ecu', 'ECU'], ['BCU', 'ECU'],
  ])('"%s Ana" is %s', (words, size) => {
    expect(shot(`${words} Ana`).size).toBe(size);
  });

  it.each([
    ['eye level', 'eye'], ['eye-level', 'eye'], ['low angle', 'low'], ['LOW', 'low'], ['high angle', 'high'], ['overhead', 'overhead'],
    ["bird's-eye", 'overhead'], ['birds eye view', 'overhead'], ["worm's-eye", 'worm'], ['worms eye', 'worm'],
  ])('"%s" is the %s angle', (words, angle) => {
    expect(shot(`MS Ana ${words}`).angle).toBe(angle);
  });

  it('reads sides, dutch degrees, lenses, heights, positions and names of several words', () => {
    expect(shot('3/4 left MS Ana').side).toBe('3/4 left');
    expect(shot('three-quarter right MS Ana').side).toBe('3/4 right');
    expect(shot('left profile CU Ana').side).toBe('profile left');
    expect(shot('MS Ana from behind').side).toBe('back');
    expect(shot('dutch 25° MS Ana').dutchDeg).toBe(25);
    expect(shot('25 degrees dutch MS Ana').dutchDeg).toBe(25);
    expect(shot('canted MS Ana').dutchDeg).toBe(15);
    expect(shot('MS Ana 35mm').lens).toEqual({ mm: 35 });
    expect(shot('MS Ana at 35 mm').lens).toEqual({ mm: 35 });
    expect(shot('MS Ana on a wide lens').lens).toEqual({ name: 'wide' });
    expect(shot('MS Ana, tele').lens).toEqual({ name: 'long' });
    expect(shot('MS Ana at 1.2m').heightM).toBe(1.2);
    expect(shot('MS Ana at 120 cm').heightM).toBe(1.2);
    expect(shot('MS Ana from the floor').heightM).toBe(0.15);
    expect(shot('wide, eye level, from the doorway, Ana').fromId).toBe('door');
    expect(shot('CU mary jane').subjectIds).toEqual(['mary']);
    expect(shot("MS Mary Jane's").subjectIds).toEqual(['mary']);
  });

  it('reads over-the-shoulders, POVs, two-shots, inserts and coverage', () => {
    expect(shot("over Ben's shoulder onto Ana").ots).toEqual({ foregroundId: 'ben', targetId: 'ana' });
    expect(shot('OTS of Ana onto Ben').ots).toEqual({ foregroundId: 'ana', targetId: 'ben' });
    expect(shot("Ana over Ben's left shoulder").ots).toEqual({ foregroundId: 'ben', targetId: 'ana', shoulder: 'left' });
    expect(shot('POV of Ana looking at Ben').pov).toEqual({ ofId: 'ana', targetId: 'ben' });
    expect(shot("Ben's POV").pov).toEqual({ ofId: 'ben' });
    expect(shot('two-shot Ana and Ben').framing).toBe('two');
    expect(shot('Ana and Ben and Mary Jane').framing).toBe('group');
    expect(shot('insert of Table').framing).toBe('insert');
    const c = parseShot('Cover Ana and Ben with inserts of Table, 50mm', ctx);
    expect(c).toEqual({ ok: true, kind: 'coverage', coverage: { actorIds: ['ana', 'ben'], insertIds: ['table'], lens: { mm: 50 } } });
  });

  it('reads moves with durations', () => {
    expect(shot('MS Ana, push in to CU over 3 s').moves).toEqual([{ verb: 'push', dir: 'in', toSize: 'CU', seconds: 3 }]);
    expect(shot('MS Ana push in').moves[0]!.toSize).toBe('MCU');
    expect(shot('CU Ana pull back').moves[0]!.toSize).toBe('MCU');
    expect(shot('MS Ana dolly left 2 m').moves).toEqual([{ verb: 'dolly', dir: 'left', amount: 2, seconds: 2 }]);
    expect(shot('MS Ana, crane up').moves).toEqual([{ verb: 'crane', dir: 'up', seconds: 2 }]);
    expect(shot('MS Ana, pan to Ben for 1.5 seconds').moves).toEqual([{ verb: 'pan', toActorId: 'ben', seconds: 1.5 }]);
    expect(shot('MS Ana truck right 50 cm in 4 s then tilt up 10°').moves).toEqual([
      { verb: 'truck', dir: 'right', amount: 0.5, seconds: 4 },
      { verb: 'tilt', dir: 'up', amount: 10, seconds: 2 },
    ]);
  });

  it('does not care about case, hyphens or curly apostrophes', () => {
    expect(shot('LOW-ANGLE MEDIUM SHOT ON ANA, 35 MM')).toEqual(shot('low angle medium shot on ana 35mm'));
    expect(shot('over Ben’s shoulder onto Ana')).toEqual(shot("over Ben's shoulder onto Ana"));
  });
});

describe('shot grammar: refusals name the word', () => {
  it.each([
    ['MS on Anna', 'anna', 'Ana'],
    ['meduim shot Ana', 'meduim', 'medium'],
    ['MS Ana lwo angle', 'lwo', 'low'],
    ['CU Ben from the doorwya', 'doorwya', 'Doorway'],
    ['MS Ana zoom in', 'zoom', undefined],
  ])('"%s" → unknown "%s"', (text, word, suggestion) => {
    const r = refusal(text);
    expect(r.word).toBe(word);
    expect(r.error).toContain(`"${word}"`);
    if (suggestion) {
      expect(r.suggestion).toBe(suggestion);
      expect(r.error).toContain(`did you mean "${suggestion}"`);
    }
  });

  it.each([
    ['MS CU Ana', /Contradiction: "MS" and "cu" are both sizes/],
    ['low angle high angle MS Ana', /Contradiction/],
    ['MS Ana 35mm 50mm', /Contradiction: "35 mm" and "50 mm" are both lenses/],
    ['3/4 left profile right MS Ana', /Contradiction/],
    ['OTS of Ben onto Ana POV', /either over the shoulder or a POV/],
    ['POV of Ana, 3/4 left', /Contradiction: a POV/],
    ['insert of Table, two-shot', /Contradiction: an insert/],
    ['MS Ana at 1 m from the floor', /Contradiction/],
  ])('"%s" is a contradiction', (text, message) => {
    expect(refusal(text).error).toMatch(message);
  });

  it.each([
    ['MS', /Which actor\? Name one: Ana, Ben, Mary Jane/],
    ['OTS onto Ana', /Over the shoulder needs two actors/],
    ['two-shot Ana', /A two-shot needs two actors/],
    ['insert', /Insert of what/],
    ['MS Table', /"Table" is a set object/],
    ['MS Ana 35', /needs a unit/],
    ['MS Ana at 1000 m', /outside 0.05–100 m/],
    ['MS Ana 0.5mm', /outside 1–2000 mm/],
    ['dutch 95° MS Ana', /not possible/],
    ['MS Ana crane', /needs up or down/],
    ['MS Ana push in to Table', /name a shot size or an actor/],
    ['ECU Ana push in', /Cannot push in from ECU/],
    ['MS Ana left', /on its own is unclear/],
    ['cover Ana', /Coverage is of two actors; 1 named/],
    ['cover Ana and Ben, low angle', /Coverage sets its own angle/],
    ['', /Describe a shot/],
  ])('"%s" is refused with a reason', (text, message) => {
    expect(refusal(text).error).toMatch(message);
  });
});
