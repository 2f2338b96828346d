// The Shot Designer's controls and the grammar agree: every combination of fields written as words parses
// back to the same shot.
import { describe, expect, it } from 'vitest';
import { composeWords, EMPTY_FIELDS, type DesignerFields } from './compose';
import { parseShot } from './parse';

const ctx = { actors: [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }], objects: [{ id: 'table', name: 'Table' }] };

describe('Shot Designer fields → words → description', () => {
  const cases: Partial<DesignerFields>[] = [
    { subject: 'Ana', size: 'CU', angle: 'low', lensMm: 50 },
    { subject: 'Ben', size: 'FS', side: '3/4 left', heightM: 1.2 },
    { framing: 'two', subject: 'Ana', other: 'Ben', size: 'MLS', angle: 'high' },
    { framing: 'ots', subject: 'Ana', other: 'Ben', size: 'MCU', lensName: 'long' },
    { framing: 'pov', subject: 'Ben', other: 'Ana', dutchDeg: 12 },
    { framing: 'insert', subject: 'Table', angle: 'overhead' },
    { subject: 'Ana', size: 'ECU', angle: 'worm', side: 'profile right', dutchDeg: 20, lensMm: 100 },
  ];
  it.each(cases.map((c) => [composeWords({ ...EMPTY_FIELDS, ...c }), c] as const))('"%s"', (words, c) => {
    const r = parseShot(words, ctx);
    if (!r.ok || r.kind !== 'shot') throw new Error(`${words}: ${r.ok ? 'coverage' : r.error}`);
    const d = r.shot;
    const f = { ...EMPTY_FIELDS, ...c };
    expect(d.framing).toBe(f.framing);
    if (f.framing !== 'insert' && f.framing !== 'pov') expect(d.size).toBe(f.size);
    expect(d.angle).toBe(f.angle || undefined);
    expect(d.dutchDeg).toBe(f.dutchDeg ?? undefined);
    expect(d.lens).toEqual(f.lensMm ? { mm: f.lensMm } : f.lensName ? { name: f.lensName } : undefined);
    expect(d.heightM).toBe(f.heightM ?? undefined);
    if (f.framing === 'ots') expect(d.ots).toEqual({ foregroundId: 'ben', targetId: 'ana' });
    if (f.framing === 'pov') expect(d.pov).toEqual({ ofId: 'ben', targetId: 'ana' });
  });
});
