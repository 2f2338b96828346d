// The verifier's view of a C2PA manifest store: our binding excludes it, so c2pa-rs must vouch for it. Any
// failure other than an untrusted signing credential is a problem; "untrusted" is a note, since our exports are
// signed by a local CA that no trust list holds (a caller can pass that CA as an anchor to see it Trusted).
import type { Dissection } from '../bindParts';
import { c2paAvailable, c2paIntegrityFailures, readC2pa, type C2paReport } from './engine';
import type { C2paUnit } from './units';

export interface C2paVerdict {
  unit: C2paUnit['unit'];
  /** the signed binding announced it (our export wrote it) */
  announced: boolean;
  /** c2pa-rs's report; null when this host has no C2PA engine */
  report: C2paReport | null;
  /** why there is no report (no engine, unreadable store) */
  unreadable: string | null;
}

interface Sink {
  problems: string[];
  notes: string[];
}

const list = (codes: { code: string; explanation: string }[]) => codes.map((c) => `${c.code} (${c.explanation})`).join('; ');

export async function checkC2pa(
  bytes: Uint8Array | (() => Promise<Uint8Array>),
  d: Dissection,
  announced: boolean,
  sink: Sink,
  trustAnchorsPem?: string,
): Promise<C2paVerdict | null> {
  const unit = d.c2pa;
  if (!unit || (d.container !== 'png' && d.container !== 'mp4')) return null;
  const verdict: C2paVerdict = { unit: unit.unit, announced, report: null, unreadable: null };
  if (!announced) sink.notes.push(`a C2PA manifest store (${unit.unit}) that this export's binding does not announce was added to the file`);
  if (!c2paAvailable()) {
    verdict.unreadable = 'no C2PA engine in this host';
    sink.notes.push(`C2PA manifest store (${unit.unit}) present but not validated: no C2PA engine in this host`);
    return verdict;
  }
  try {
    const r = await readC2pa(typeof bytes === 'function' ? await bytes() : bytes, d.container === 'png' ? 'image/png' : 'video/mp4', trustAnchorsPem);
    verdict.report = r;
    const broken = c2paIntegrityFailures(r);
    if (broken.length) sink.problems.push(`C2PA manifest invalid (${r.state}): ${list(broken)}`);
    if (r.failure.some((f) => f.code === 'signingCredential.untrusted')) {
      const who = [r.signer.commonName, r.signer.issuer].filter(Boolean).join(', ') || 'an unnamed signer';
      sink.notes.push(`C2PA signing credential untrusted (signingCredential.untrusted): ${who}, whose certificate no CA on the C2PA trust list issued`);
    }
  } catch (e) {
    verdict.unreadable = String((e as Error)?.message ?? e);
    sink.problems.push(`C2PA manifest store (${unit.unit}) is unreadable: ${verdict.unreadable}`);
  }
  return verdict;
}
