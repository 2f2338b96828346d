import { describe, expect, it } from 'vitest';
import { buildDisclosureBundle } from '../disclosure/bundle';
import { exportSummary, inspectBundle } from './bindBundle';
import { makePng } from './bindFixtures.testutil';
import { buildTestProject } from './bindProject.testutil';
import { escapeHtml, reviewReportHtml } from './reportHtml';

// strings that have broken real HTML reports: tags, attribute breakouts, entities, script URLs, template syntax
const XSS = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'><svg onload=alert(1)>",
  '</title><script>alert(document.domain)</script>',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;b&gt;already escaped&lt;/b&gt;',
  '`${alert(1)}`',
  '<style>body{display:none}</style>',
  '<iframe srcdoc="<script>alert(1)</script>">',
  '<!-- comment --><base href="http://evil.invalid/">',
];

async function reportWith(name: string) {
  const tp = await buildTestProject({ approved: true, layerName: name });
  const bundle = await buildDisclosureBundle(tp.project, [tp.collapseId, tp.deageId]);
  const trust = { rootPem: tp.studio.rootPem };
  const summary = await exportSummary(bundle, { purpose: 'previs', software: 'Previs Sandbox 0.1.0', trust });
  const inspection = await inspectBundle(bundle, { unsigned: true, trust });
  return reviewReportHtml({
    projectName: name,
    purpose: 'previs',
    exportedAt: '2026-11-30T06:00:00Z',
    software: 'Previs Sandbox 0.1.0',
    inspection,
    summary,
    thumbnails: { [tp.collapseId]: makePng(16, 9), [tp.deageId]: new TextEncoder().encode('<svg onload=alert(1)>') },
    files: [{ name, sha256: 'f'.repeat(64) }],
  });
}

describe('review report', () => {
  it('lists every layer with record, flags, consent, history, hashes and keys', async () => {
    const html = await reportWith('Corner block collapse');
    expect(html).toContain('Corner block collapse');
    expect(html).toContain('Ada −20 years');
    expect(html).toContain('compositeWithTrainedAlgorithmicMedia');
    expect(html).toMatch(/<span class="flag">likeness<\/span>/);
    expect(html).toMatch(/Ada Example \(private\) — de-aging, may-reach-final/);
    expect(html).toMatch(/approve: submitted → /);
    expect(html).toMatch(/Sam Supervisor <code>[A-Za-z0-9_-]{43}<\/code>/);
    expect(html).toMatch(/src="data:image\/png;base64,iVBORw0KGgo/);
    // no external resources at all
    expect(html).not.toMatch(/(src|href)="(?!data:)/);
    expect(html).toContain("default-src 'none'");
  });

  it.each(XSS)('renders %s as text', async (evil) => {
    const html = await reportWith(evil);
    expect(html).not.toContain(evil);
    expect(html).toContain(escapeHtml(evil));
    // no tag other than our own vocabulary, no event-handler attribute, no script
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]!.toLowerCase()));
    for (const t of tags) expect(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'h3', 'small', 'div', 'br', 'strong', 'code', 'section', 'img', 'table', 'tr', 'th', 'td', 'span', 'ol', 'ul', 'li']).toContain(t);
    // inside a tag, outside quoted attribute values (which are escaped text), no event handler may appear
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i);
    expect((html.match(/<img /g) ?? []).length).toBe(1); // the one real PNG thumbnail; the fake one was refused
  });
});
