// Loading a project file: size guard → JSON → migrations → schema → cross-references.
// Never throws; every refusal names the field or problem. Callers change nothing unless ok is true.
import { z } from 'zod';
import { DOCUMENT_KIND, Project } from './schema';
import { migrate } from './migrations';
import { checkReferences } from './references';
import { findProtoKey } from './names';

export const MAX_PROJECT_BYTES = 256 * 1024 * 1024;
/** JSON nesting deeper than any valid project; refuse before walking it */
const MAX_DEPTH = 64;

export type LoadResult =
  | { ok: true; project: Project; migrations: string[] }
  | { ok: false; error: string };

export function loadProjectText(text: string): LoadResult {
  try {
    if (typeof text !== 'string') return { ok: false, error: 'file: not text' };
    if (text.length > MAX_PROJECT_BYTES) {
      return { ok: false, error: `file: ${text.length} characters is over the ${MAX_PROJECT_BYTES} limit` };
    }
    const depthError = nestingError(text);
    if (depthError) return { ok: false, error: depthError };
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: `file: not valid JSON (${(e as Error).message})` };
    }
    return loadProjectValue(raw);
  } catch (e) {
    return { ok: false, error: `file: could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}

export function loadProjectValue(raw: unknown): LoadResult {
  try {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return { ok: false, error: 'file: expected a JSON object at the top level' };
    }
    const protoAt = findProtoKey(raw);
    if (protoAt) return { ok: false, error: `${protoAt}: "__proto__" is not allowed as a name` };
    const obj = raw as Record<string, unknown>;
    if (obj.kind !== DOCUMENT_KIND) {
      return { ok: false, error: `kind: expected "${DOCUMENT_KIND}", found ${JSON.stringify(obj.kind)?.slice(0, 80)}` };
    }
    const migrated = migrate(obj);
    if (!migrated.ok) return migrated;
    const parsed = Project.safeParse(migrated.doc);
    if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
    const refError = checkReferences(parsed.data);
    if (refError) return { ok: false, error: refError };
    return { ok: true, project: parsed.data, migrations: migrated.applied };
  } catch (e) {
    return { ok: false, error: `file: could not be validated (${(e as Error)?.message ?? String(e)})` };
  }
}

export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'file: invalid';
  const path = issue.path.length ? issue.path.map(String).join('.') : 'file';
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem${error.issues.length > 2 ? 's' : ''})` : '';
  return `${path}: ${issue.message}${more}`;
}

/** Scans brackets outside strings; cheap, and keeps JSON.parse and zod off pathological nesting. */
function nestingError(text: string): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped char
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_DEPTH) return `file: nested deeper than ${MAX_DEPTH} levels at character ${i}`;
    } else if (c === 125 || c === 93) depth--;
  }
  return null;
}
