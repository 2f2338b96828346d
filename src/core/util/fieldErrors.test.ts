import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConsentRecord } from '../disclosure/consent';
import { fieldErrors, firstIssueSentence, issueSentence, labelFromPath } from './fieldErrors';

const Form = z.object({
  name: z.string().min(1).max(8),
  note: z.string().min(20, 'describe it in at least 20 characters'),
  days: z.number().int().min(1).max(3650),
  kind: z.enum(['a', 'b']),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-11-30'),
  tags: z.array(z.string()).min(1),
  nested: z.object({ projectId: z.string().min(1) }),
});
const errorsOf = (v: unknown, fields = {}) => {
  const r = Form.safeParse(v, { reportInput: true });
  if (r.success) throw new Error('expected a failure');
  return fieldErrors(r.error.issues, fields);
};
const good = { name: 'Ana', note: 'a note long enough to pass', days: 30, kind: 'a', date: '2026-11-30', tags: ['x'], nested: { projectId: 'p' } };

describe('schema problems as sentences beside the field', () => {
  it('an empty field asks for it, by its label or its own sentence', () => {
    const e = errorsOf({ ...good, name: '', date: '' }, { name: { label: 'Performer' }, date: { label: 'Signed on', missing: 'Enter the date it was signed.' } });
    expect(e).toEqual({ name: 'Enter the performer.', date: 'Enter the date it was signed.' });
  });
  it('limits and choices read as sentences, never as zod messages or paths', () => {
    const e = errorsOf({ ...good, name: 'much too long', days: 0, kind: 'z', tags: [], nested: { projectId: '' } }, { name: { label: 'Name' }, days: { label: 'Valid for' }, kind: { label: 'Kind' } });
    expect(e).toEqual({
      name: 'Name is too long: at most 8 characters.',
      days: 'Valid for must be at least 1.',
      kind: 'Choose one of the offered kind values.',
      tags: 'Tags: choose at least 1.',
      'nested.projectId': 'Enter the nested project id.',
    });
    for (const s of Object.values(e)) {
      expect(s).not.toMatch(/Too small|Too big|expected|>=|\w\.\w/);
      expect(s).toMatch(/^[A-Z].*\.$/);
    }
    expect(errorsOf({ ...good, days: 'x' }, { days: { label: 'Valid for' } }).days).toBe('Valid for must be a number.');
  });
  it("keeps the schema author's own message as the sentence, and a form's own wording first", () => {
    expect(errorsOf({ ...good, note: 'short' }).note).toBe('Describe it in at least 20 characters.');
    expect(errorsOf({ ...good, date: '30/11/2026' }).date).toBe('Expected a date like 2026-11-30.');
    expect(errorsOf({ ...good, date: '30/11/2026' }, { date: { label: 'Signed on', invalid: 'Enter a date such as 2026-11-30.' } }).date).toBe('Enter a date such as 2026-11-30.');
  });
  it('one sentence per field: the first problem wins', () => {
    const r = z.object({ a: z.string().min(3).regex(/^x/) }).safeParse({ a: 'y' }, { reportInput: true });
    expect(fieldErrors(r.error!.issues)).toEqual({ a: 'A needs at least 3 characters.' });
  });
  it('the empty consent form answers in sentences (was "performer.name: Too small…")', () => {
    const r = ConsentRecord.safeParse(
      { type: 'previs-sandbox/consent', schemaVersion: 1, consentId: 'c1', performer: { name: '', status: 'private' }, representative: null, alteration: 'de-aging', intendedUse: '', useScope: 'may-reach-final', projectScope: { projectId: 'p', projectName: 'P', detail: '' }, signedDate: '', signedBy: '', documentSha256: '', expires: null, recordedBy: { name: 'A', role: 'artist', keyId: 'k' }, recordedAt: 'now' },
      { reportInput: true },
    );
    const first = firstIssueSentence(r.error!, { 'performer.name': { label: 'Performer', missing: "Enter the performer's name." } });
    expect(first).toBe("Enter the performer's name.");
    expect(firstIssueSentence(r.error!)).toBe('Enter the performer name.');
  });
  it('labels made from paths, and a sentence for an issue with no path', () => {
    expect(labelFromPath(['projectScope', 'detail'])).toBe('Project scope detail');
    expect(labelFromPath([])).toBe('This field');
    expect(issueSentence({ code: 'custom', path: [], message: 'the file is not a PEM certificate', input: 'x' } as never)).toBe('The file is not a PEM certificate.');
  });
});
