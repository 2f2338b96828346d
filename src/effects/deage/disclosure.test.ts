// The disclosure words say what was asked, the method (procedural, or the brought model's id and hash) and
// what was measured, and never state the asked years as an achieved result.
import { describe, expect, it } from 'vitest';
import { deageDescription } from './disclosure';
import { DEFAULT_PARAMS } from './params';

const procedural = { id: 'deage-procedural', version: '2.0.0', sha256: 'ab'.repeat(32), kind: 'procedural' as const };
const learned = { id: 'studio.fran-v3', version: '3.1', sha256: 'cd'.repeat(32), kind: 'learned' as const };

describe('de-age disclosure text', () => {
  it('procedural: asked years, no learned weights, nothing measured', () => {
    const t = deageDescription({ ...DEFAULT_PARAMS, yearsYounger: 15 }, { card: procedural }, { sourceAge: null, sourceAgeFrom: null });
    expect(t).toContain('Asked: look 15 years younger.');
    expect(t).toContain('procedural, no learned re-aging weights');
    expect(t).toContain('deage-procedural 2.0.0');
    expect(t).toContain('no age estimate was made');
    expect(t).not.toMatch(/^15 years younger/);
  });

  it('learned: the model id and full hash, and the source age with where it came from', () => {
    const t = deageDescription({ ...DEFAULT_PARAMS, yearsYounger: 20, model: learned.id, sourceAge: 62 }, { card: learned }, { sourceAge: 62, sourceAgeFrom: 'user' });
    expect(t).toContain(`learned re-aging model studio.fran-v3 3.1, sha256 ${learned.sha256}`);
    expect(t).toContain('appears 62 in the plate (as entered by the artist) and asked for 42');
    expect(t).not.toContain('no learned re-aging weights');
  });
});
