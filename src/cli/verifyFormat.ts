// Plain-text rendering of verifier verdicts for the terminal (and CI logs): one block per file, one line per
// layer, every problem on its own line. No colour codes, so logs stay greppable.
import type { FileVerdict, LayerVerdict } from '../core/export/bindVerify';

function layerLine(l: LayerVerdict): string {
  const s = l.summary;
  const frames = l.frames ? ` frames ${l.frames.start}–${l.frames.end - 1}` : '';
  const approved = l.approvedAtCurrentHash ? 'approved at current hash' : `NOT approved (${s.review})`;
  const consent = l.consented === null ? 'consent not required' : l.consented ? 'consented' : `NO valid consent (${s.consent})`;
  return `    layer ${s.layerId} "${s.name}": ${s.effect}, ${s.action}, ${s.digitalSourceType}${frames} — ${approved}; ${consent}`;
}

export function formatVerdict(v: FileVerdict): string {
  const lines: string[] = [];
  const head = v.ok ? 'OK  ' : v.undisclosed ? 'NONE' : 'FAIL';
  const what = [v.kind.toUpperCase(), v.purpose ? `${v.purpose} export` : null, v.signer ? `signed by ${v.signer.keyId}${v.signer.registered ? '' : ' (key not registered in the ledger)'}` : null]
    .filter(Boolean)
    .join(' · ');
  lines.push(`${head} ${v.file}  [${what}]`);
  if (v.timing) lines.push(`    movie: ${v.timing.durationSeconds.toFixed(3)} s${v.timing.videoFrames !== null ? `, ${v.timing.videoFrames} video frames` : ''}`);
  for (const l of v.layers) lines.push(layerLine(l));
  if (v.layers.length === 0 && !v.undisclosed && v.ok) lines.push('    no generated layers in this export');
  for (const p of v.problems) lines.push(`  ✗ ${p}`);
  for (const n of v.notes) lines.push(`  · ${n}`);
  return lines.join('\n');
}
