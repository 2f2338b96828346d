// Plain-text rendering of verifier verdicts for the terminal (and CI logs): one block per file, one line per
// layer, every problem on its own line. No colour codes, so logs stay greppable.
import type { FileVerdict, LayerVerdict } from '../core/export/bindVerify';

// control characters and bidirectional overrides from a file must not rewrite the reader's terminal
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const esc = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every character that could move the cursor, recolour or reorder the terminal, shown as \uXXXX. */
export function escapeTerminal(s: string): string {
  return s.replace(UNSAFE, esc);
}

export function escapeBidi(s: string): string {
  return s.replace(BIDI, esc);
}

function approvalLines(l: LayerVerdict): string[] {
  const r = l.report;
  const out: string[] = [];
  for (const a of r.approvals) out.push(`      approved by ${a.name} <${a.person ?? '?'}> as ${a.role}, certificate ${a.serial ?? '?'}: valid`);
  for (const u of r.uncounted) out.push(`      ${u.action} by ${u.name}${u.person ? ` <${u.person}>` : ''} as ${u.role}${u.serial ? `, certificate ${u.serial}` : ''}: ${u.state} — ${u.reason}`);
  if (r.consentRecordedBy) out.push(`      consent recorded by ${r.consentRecordedBy.name} <${r.consentRecordedBy.person}>, certificate ${r.consentRecordedBy.serial}: ${r.consent}`);
  return out;
}

function layerLine(l: LayerVerdict): string {
  const s = l.summary;
  const frames = l.frames ? ` frames ${l.frames.start}–${l.frames.end - 1}` : '';
  const approved = l.approvedAtCurrentHash ? 'approved at current hash' : `NOT approved (${s.review})`;
  const consent = l.consented === null ? 'consent not required' : l.consented ? 'consented' : `NO valid consent (${s.consent})`;
  return `    layer ${s.layerId} "${s.name}": ${s.effect}, ${s.action}, ${s.digitalSourceType}${frames} — ${approved}; ${consent}`;
}

function c2paLine(c: NonNullable<FileVerdict['c2pa']>): string {
  const r = c.report;
  if (!r) return `    C2PA manifest (${c.unit}): not validated — ${c.unreadable ?? 'unknown reason'}`;
  const count = new Map<string, number>();
  for (const a of r.actions) count.set(a.action, (count.get(a.action) ?? 0) + 1);
  const actions = [...count].map(([a, n]) => (n > 1 ? `${a}×${n}` : a)).join(', ');
  const failures = r.failure.map((f) => f.code).join(', ');
  return `    C2PA manifest (${c.unit}${c.announced ? '' : ', added after export'}): ${r.state}${failures ? ` [${failures}]` : ''} · ${actions || 'no actions'} · signed by ${r.signer.commonName ?? '?'} (${r.signer.issuer ?? '?'}, ${r.signer.alg ?? '?'})`;
}

export function formatVerdict(v: FileVerdict): string {
  const lines: string[] = [];
  const head = v.ok ? 'OK  ' : v.undisclosed ? 'NONE' : 'FAIL';
  const what = [v.kind.toUpperCase(), v.purpose ? `${v.purpose} export` : null, v.signer ? `signed by ${v.signer.keyId}${v.signer.registered ? '' : ' (key not registered in the ledger)'}` : null]
    .filter(Boolean)
    .join(' · ');
  lines.push(`${head} ${v.file}  [${what}]`);
  if (v.timing) lines.push(`    movie: ${v.timing.durationSeconds.toFixed(3)} s${v.timing.videoFrames !== null ? `, ${v.timing.videoFrames} video frames` : ''}`);
  for (const l of v.layers) lines.push(layerLine(l), ...approvalLines(l));
  if (v.c2pa) lines.push(c2paLine(v.c2pa));
  if (v.layers.length === 0 && !v.undisclosed && v.ok) lines.push('    no generated layers in this export');
  for (const p of v.problems) lines.push(`  ✗ ${p}`);
  for (const n of v.notes) lines.push(`  · ${n}`);
  return lines.map(escapeTerminal).join('\n');
}
