// The review report: one self-contained, printable HTML page listing every generated layer of an export —
// thumbnail, record, flags, consent, review history, hashes and the keys that signed. No external resources and
// no script: a Content-Security-Policy forbids both, and every string from a document is escaped, so a layer
// named `<img src=x onerror=alert(1)>` prints as those characters.
import type { BundleInspection, LayerState } from './bindBundle';
import type { DisclosureSummary } from './xmpPacket';
import { escapeHtml } from '../util/escapeHtml';
import { toB64 } from '../util/base64';

export { escapeHtml };

const PNG_MAGIC = [137, 80, 78, 71, 13, 10, 26, 10];

/** Only real PNG bytes become an image; anything else is refused rather than embedded. */
function thumbnail(png: Uint8Array | undefined, name: string): string {
  if (!png || png.length < 8 || !PNG_MAGIC.every((b, i) => png[i] === b)) return '<div class="nothumb">no thumbnail</div>';
  return `<img class="thumb" alt="${escapeHtml(`thumbnail of ${name}`)}" src="data:image/png;base64,${toB64(png)}">`;
}

const e = escapeHtml;
const row = (k: string, v: string) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`;
const code = (s: string | null | undefined) => (s ? `<code>${e(s)}</code>` : '—');

function flagsHtml(l: LayerState): string {
  const f = l.record?.policy.flags;
  if (!f) return '—';
  const on = Object.entries(f).filter(([, v]) => v === true).map(([k]) => `<span class="flag">${e(k)}</span>`);
  return on.join(' ') || 'none';
}

function consentHtml(l: LayerState): string {
  if (l.consented === null) return 'not required';
  const c = l.consentRecord;
  const status = `<strong class="${l.consented ? 'ok' : 'bad'}">${e(l.summary.consent)}</strong>`;
  if (!c) return status;
  return `${status}<br>${e(c.performer.name)} (${e(c.performer.status)}) — ${e(c.alteration)}, ${e(c.useScope)}<br>
    signed ${e(c.signedDate)} by ${e(c.signedBy)}${c.representative ? ` for ${e(c.representative.name)} (${e(c.representative.capacity)})` : ''}${c.expires ? `, expires ${e(c.expires)}` : ''}<br>
    intended use: ${e(c.intendedUse)}<br>document SHA-256 ${code(c.documentSha256)}${l.consentRevoked ? '<br><strong class="bad">revoked</strong>' : ''}`;
}

function historyHtml(l: LayerState): string {
  if (!l.history.length) return '—';
  return `<ol class="history">${l.history
    .map((h) => `<li${h.applied ? '' : ' class="ignored"'}><span class="when">${e(h.at)}</span> ${e(h.who)} (${e(h.role)}): ${e(h.text)}${h.note ? ` — “${e(h.note)}”` : ''}</li>`)
    .join('')}</ol>`;
}

function layerSection(l: LayerState, frames: DisclosureSummary['layers'][number]['frames'], thumb: Uint8Array | undefined, signers: Map<string, string>, layerKeys: string[]): string {
  const r = l.record;
  const models = r?.models.map((m) => `${e(m.id)} ${e(m.version)} (${e(m.kind)}, ${e(m.licence)}) ${code(m.sha256)}`).join('<br>') || '—';
  const inputs = r?.inputs.map((i) => `${e(i.name)} [${e(i.objectType)}, ${e(i.relationship)}, rights ${e(i.rights)}] ${code(i.contentHash)}`).join('<br>') || '—';
  const keyLines = layerKeys.map((id) => `${e(signers.get(id) ?? 'unregistered key')} ${code(id)}`).join('<br>');
  return `<section class="layer">
  <h2>${e(l.summary.name)} <small>${e(l.summary.effect)} · ${e(l.layerId)}</small></h2>
  <div class="cols">
    ${thumbnail(thumb, l.summary.name)}
    <table>
      ${row('review', `<strong class="${l.approvedAtCurrentHash ? 'ok' : 'bad'}">${e(l.summary.review)}${l.approvedAtCurrentHash ? ' at current hash' : ''}</strong>`)}
      ${row('consent', consentHtml(l))}
      ${row('C2PA action', code(l.summary.action))}
      ${row('IPTC digital source type', code(l.summary.digitalSourceType))}
      ${row('flags', flagsHtml(l))}
      ${row('frames in this export', frames ? `${frames.start}–${frames.end - 1}` : 'whole file')}
      ${row('intended use', e(r?.intendedUse ?? '—'))}
      ${row('record', r ? `${e(r.recordId)}, run ${r.run}, ${e(r.createdAt)} by ${e(r.author.name)} (${e(r.author.role)})` : 'none')}
      ${row('software / backend', r ? `${e(r.software.name)} ${e(r.software.version)} on ${e(r.backend.name)}${r.backend.fallbackReason ? ` (fallback: ${e(r.backend.fallbackReason)})` : ''}` : '—')}
      ${row('models', models)}
      ${row('inputs', inputs)}
      ${row('seed / params', r ? `${r.seed} ${code(JSON.stringify(r.params))}` : '—')}
      ${row('output hash', code(l.outputHash))}
      ${row('record entry hash', code(l.recordEntryHash))}
      ${row('signed by (records, reviews)', keyLines || '—')}
      ${row('still needed for a deliverable', l.report.deliverableBlocking.length ? `<ul>${l.report.deliverableBlocking.map((b) => `<li>${e(b)}</li>`).join('')}</ul>` : 'nothing')}
    </table>
  </div>
  <h3>Review history</h3>
  ${historyHtml(l)}
</section>`;
}

export interface ReportInput {
  projectName: string;
  purpose: string;
  exportedAt: string;
  software: string;
  inspection: BundleInspection;
  summary: DisclosureSummary;
  /** PNG bytes per layer id */
  thumbnails?: Readonly<Record<string, Uint8Array>>;
  /** files this report accompanies, with their SHA-256 */
  files?: readonly { name: string; sha256: string }[];
}

export function reviewReportHtml(input: ReportInput): string {
  const ins = input.inspection;
  const signers = new Map<string, string>();
  // holders as the chain registered them: a key entry's name, or a member certificate's subject name
  for (const k of Object.values(ins.report.chain?.keys ?? {})) if (k.seq !== null) signers.set(k.keyId, k.holder ?? '');
  const sections = ins.layers
    .map((l) => {
      const keys = new Set<string>();
      for (const entry of ins.bundle?.ledger ?? []) if (entry.keyId && entry.payload && entry.payload.layerId === l.layerId) keys.add(entry.keyId);
      const frames = input.summary.layers.find((s) => s.layerId === l.layerId)?.frames ?? null;
      return layerSection(l, frames, input.thumbnails?.[l.layerId], signers, [...keys]);
    })
    .join('\n');
  const files = (input.files ?? []).map((f) => `<li>${e(f.name)} ${code(f.sha256)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<title>${e(`Disclosure review report — ${input.projectName}`)}</title>
<style>
  body { font: 12px/1.4 system-ui, sans-serif; margin: 24px; color: #111; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 0 0 8px; } h2 small { color: #666; font-weight: normal; }
  h3 { font-size: 13px; margin: 10px 0 4px; }
  .meta { color: #444; margin-bottom: 16px; }
  section.layer { border: 1px solid #bbb; border-radius: 4px; padding: 12px; margin: 0 0 16px; page-break-inside: avoid; }
  .cols { display: flex; gap: 12px; align-items: flex-start; }
  .thumb, .nothumb { width: 200px; flex: none; border: 1px solid #ccc; }
  .nothumb { height: 112px; display: flex; align-items: center; justify-content: center; color: #888; }
  table { border-collapse: collapse; width: 100%; } th { text-align: left; vertical-align: top; width: 190px; color: #555; font-weight: 600; padding: 2px 8px 2px 0; }
  td { padding: 2px 0; word-break: break-word; } code { font: 11px ui-monospace, monospace; word-break: break-all; }
  .flag { display: inline-block; border: 1px solid #999; border-radius: 3px; padding: 0 4px; margin: 0 2px 2px 0; }
  .ok { color: #11632a; } .bad { color: #a11; } .ignored { color: #999; text-decoration: line-through; }
  ol.history { margin: 0; padding-left: 20px; } .when { color: #666; font-family: ui-monospace, monospace; }
  @media print { body { margin: 10mm; } section.layer { border-color: #888; } }
</style>
</head>
<body>
<h1>${e(`Disclosure review report — ${input.projectName}`)}</h1>
<div class="meta">${e(input.purpose)} export · ${e(input.exportedAt)} · ${e(input.software)} · ${ins.layers.length} generated layer(s)<br>
IPTC digital source type of the export: ${code(input.summary.digitalSourceType)} · ledger head ${code(input.summary.ledgerHead)}
${ins.problems.length ? `<br><strong class="bad">integrity problems: ${ins.problems.map(e).join('; ')}</strong>` : ''}</div>
${ins.bundle?.signature ? `Bundle signed by ${code(ins.bundle.signature.keyId)}<br>` : ''}
${files ? `<h3>Files of this export</h3><ul>${files}</ul>` : ''}
${sections || '<p>No generated layers in this export.</p>'}
</body>
</html>
`;
}
