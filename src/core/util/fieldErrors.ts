// Schema problems as sentences a person reads beside the field: "Enter the performer's name.", not
// "performer.name: Too small: expected string to have >=1 characters". A form names its fields once (label,
// what to ask for when empty); a schema's own message, where it wrote one, is kept as the sentence. Parse
// with { reportInput: true } so an empty field can be told from a wrong one.
import type { z } from 'zod';

export interface FieldSpec {
  /** the field's label as the form shows it ("Signed on") */
  label: string;
  /** the sentence when the field is empty or unchosen ("Enter the date the consent was signed.") */
  missing?: string;
  /** the sentence for any other problem with it ("Enter a date such as 2026-11-30.") */
  invalid?: string;
}

export type FieldSpecs = Record<string, FieldSpec>;

type Issue = z.core.$ZodIssue;

/** zod's default messages start like this; anything else was written for people by the schema's author. */
const DEFAULT_MESSAGE = /^(Too small|Too big|Invalid|Unrecognized key)/;

const sentence = (s: string) => {
  const t = s.trim().replace(/[.:;,\s]+$/, '');
  return t ? `${t[0]!.toUpperCase()}${t.slice(1)}.` : '';
};

/** "projectScope.detail" → "Project scope detail", for a field a form did not name. */
export function labelFromPath(path: readonly PropertyKey[]): string {
  const words = path
    .filter((k): k is string => typeof k === 'string')
    .map((k) => k.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase());
  return sentence(words.join(' ') || 'this field').replace(/\.$/, '');
}

function isEmpty(issue: Issue): boolean {
  const input = (issue as { input?: unknown }).input;
  if (input === undefined || input === null) return true;
  if (typeof input === 'string' && input.trim() === '') return true;
  return issue.code === 'too_small' && (issue as { origin?: string }).origin === 'string' && Number((issue as { minimum?: unknown }).minimum) <= 1;
}

/** One issue as a sentence about its field. */
export function issueSentence(issue: Issue, field?: FieldSpec): string {
  const label = field?.label ?? labelFromPath(issue.path);
  const lower = label.toLowerCase();
  if (isEmpty(issue)) return field?.missing ?? `Enter ${/^(a|an|the)\b/i.test(lower) ? lower : `the ${lower}`}.`;
  if (field?.invalid) return field.invalid;
  if (issue.message && !DEFAULT_MESSAGE.test(issue.message)) return sentence(issue.message);
  const i = issue as Issue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; expected?: string; values?: unknown[] };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return `${label} needs at least ${i.minimum} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return `${label}: choose at least ${i.minimum}.`;
      return `${label} must be at least ${i.minimum}.`;
    case 'too_big':
      if (i.origin === 'string') return `${label} is too long: at most ${i.maximum} characters.`;
      if (i.origin === 'array' || i.origin === 'set') return `${label}: choose at most ${i.maximum}.`;
      return `${label} must be at most ${i.maximum}.`;
    case 'invalid_type':
      if (i.expected === 'number' || i.expected === 'int') return `${label} must be a number.`;
      return `${label} is not valid.`;
    case 'invalid_value':
      return `Choose one of the offered ${lower} values.`;
    case 'invalid_format':
      return `${label} is not in the expected form.`;
    case 'not_multiple_of':
      return `${label} must be a whole number.`;
    default:
      return `${label} is not valid.`;
  }
}

/**
 * Every issue as a sentence keyed by its field (the dotted path). The first problem of each field wins;
 * issues on fields the form did not name are kept under their own path, with a label made from it.
 */
export function fieldErrors(issues: readonly Issue[], fields: FieldSpecs = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (key in out) continue;
    out[key] = issueSentence(issue, fields[key]);
  }
  return out;
}

/** The first issue of a failed parse as one sentence that names its field (for errors with no form). */
export function firstIssueSentence(error: { issues: readonly Issue[] }, fields: FieldSpecs = {}): string {
  const issue = error.issues[0];
  if (!issue) return 'The input is not valid.';
  const key = issue.path.map(String).join('.');
  const s = issueSentence(issue, fields[key]);
  const label = fields[key]?.label ?? labelFromPath(issue.path);
  // a sentence that does not say which field it is about gets the field's name in front
  return issue.path.length && !s.toLowerCase().includes(label.toLowerCase()) ? `${label}: ${s[0]!.toLowerCase()}${s.slice(1)}` : s;
}
