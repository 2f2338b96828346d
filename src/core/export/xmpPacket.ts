// The readable summary that travels next to the signed bundle: an XMP packet (RDF/XML for PNG and MP4, JSON-LD
// for glTF's KHR_xmp_json_ld). It says what a reader without our tools needs (IPTC DigitalSourceType, which layers
// are generated and their review state); the verifier checks it field by field against the signed bundle.
// Spec: XMP Part 1 §7 (RDF/XML), IPTC Photo Metadata 2023.2 "Digital Source Type" (Iptc4xmpExt:DigitalSourceType).

export const IPTC_DST_BASE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';
export const PREVIS_NS = 'https://previs-sandbox.invalid/ns/disclosure/1.0/';
const IPTC_EXT_NS = 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/';

export interface LayerSummary {
  layerId: string;
  name: string;
  effect: string;
  /** C2PA action, e.g. c2pa.created */
  action: string;
  /** IPTC code, e.g. trainedAlgorithmicMedia (without the vocabulary URI) */
  digitalSourceType: string;
  recordHash: string;
  /** review state at export, e.g. approved, submitted */
  review: string;
  /** consent: not-required | valid | missing | revoked | expired */
  consent: string;
  /** frames of this export the layer affects (inclusive start, exclusive end); null for stills/scenes */
  frames: { start: number; end: number } | null;
}

export interface DisclosureSummary {
  /** IPTC code for the file as a whole */
  digitalSourceType: string;
  purpose: string;
  software: string;
  ledgerHead: string;
  layers: LayerSummary[];
}

/** The file-level source type: a render holding trained-model output is a composite with it, and so on. */
export function fileSourceType(layers: readonly Pick<LayerSummary, 'digitalSourceType'>[]): string {
  const codes = new Set(layers.map((l) => l.digitalSourceType));
  if (codes.size === 0) return 'digitalCreation';
  if ([...codes].some((c) => c.toLowerCase().includes('trained'))) return 'compositeWithTrainedAlgorithmicMedia';
  return 'compositeSynthetic';
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
    // XML 1.0 cannot carry most C0 controls even escaped; keep the packet well-formed
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#(\d+)|#x([0-9a-fA-F]+));/g, (_m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name] ?? '';
  });
}

function attrs(fields: Record<string, string | number>): string {
  return Object.entries(fields)
    .map(([k, v]) => `\n     previs:${k}="${escapeXml(String(v))}"`)
    .join('');
}

function layerFields(l: LayerSummary): Record<string, string | number> {
  const f: Record<string, string | number> = {
    LayerId: l.layerId,
    Name: l.name,
    Effect: l.effect,
    Action: l.action,
    DigitalSourceType: l.digitalSourceType,
    RecordHash: l.recordHash,
    Review: l.review,
    Consent: l.consent,
  };
  if (l.frames) {
    f.FrameStart = l.frames.start;
    f.FrameEnd = l.frames.end;
  }
  return f;
}

/** RDF/XML packet with padding so a later in-place edit could grow it (XMP Part 3 §1.1.3). */
export function buildXmpPacket(s: DisclosureSummary): string {
  const items = s.layers
    .map((l) => `\n     <rdf:li><rdf:Description${attrs(layerFields(l))}/></rdf:li>`)
    .join('');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:Iptc4xmpExt="${IPTC_EXT_NS}"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:previs="${PREVIS_NS}"
    Iptc4xmpExt:DigitalSourceType="${escapeXml(IPTC_DST_BASE + s.digitalSourceType)}"
    xmp:CreatorTool="${escapeXml(s.software)}"
    previs:Purpose="${escapeXml(s.purpose)}"
    previs:LedgerHead="${escapeXml(s.ledgerHead)}"
    previs:LayerCount="${s.layers.length}">
   <previs:Layers>
    <rdf:Seq>${items}
    </rdf:Seq>
   </previs:Layers>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
${' '.repeat(512)}
<?xpacket end="w"?>`;
}

function readAttrs(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z][\w.-]*:[\w.-]+)="([^"]*)"/g)) out.set(m[1] as string, unescapeXml(m[2] as string));
  return out;
}

/**
 * Reads back a packet written by buildXmpPacket. Throws when the shape is not ours (the verifier then reports
 * "XMP summary unreadable"), so an edited packet can never be half-read as valid.
 */
export function parseXmpPacket(xml: string): DisclosureSummary {
  const top = /<rdf:Description rdf:about=""([^>]*)>/.exec(xml);
  if (!top) throw new Error('no top-level rdf:Description');
  const a = readAttrs(top[1] as string);
  const dst = a.get('Iptc4xmpExt:DigitalSourceType') ?? '';
  if (!dst.startsWith(IPTC_DST_BASE)) throw new Error('DigitalSourceType missing or not an IPTC code');
  const layers: LayerSummary[] = [];
  for (const m of xml.matchAll(/<rdf:li><rdf:Description([^>]*?)\/><\/rdf:li>/g)) {
    const la = readAttrs(m[1] as string);
    const need = (k: string) => {
      const v = la.get(`previs:${k}`);
      if (v === undefined) throw new Error(`layer entry lacks previs:${k}`);
      return v;
    };
    const fs = la.get('previs:FrameStart');
    const fe = la.get('previs:FrameEnd');
    layers.push({
      layerId: need('LayerId'),
      name: need('Name'),
      effect: need('Effect'),
      action: need('Action'),
      digitalSourceType: need('DigitalSourceType'),
      recordHash: need('RecordHash'),
      review: need('Review'),
      consent: need('Consent'),
      frames: fs !== undefined && fe !== undefined ? { start: Number(fs), end: Number(fe) } : null,
    });
  }
  const count = Number(a.get('previs:LayerCount'));
  if (count !== layers.length) throw new Error(`LayerCount ${a.get('previs:LayerCount')} but ${layers.length} layer entries`);
  return {
    digitalSourceType: dst.slice(IPTC_DST_BASE.length),
    purpose: a.get('previs:Purpose') ?? '',
    software: a.get('xmp:CreatorTool') ?? '',
    ledgerHead: a.get('previs:LedgerHead') ?? '',
    layers,
  };
}

/** JSON-LD packet for KHR_xmp_json_ld (asset-level: the whole summary; per node: that node's layers). */
export function buildXmpJsonLd(s: DisclosureSummary): Record<string, unknown> {
  return {
    '@context': { Iptc4xmpExt: IPTC_EXT_NS, xmp: 'http://ns.adobe.com/xap/1.0/', previs: PREVIS_NS },
    'Iptc4xmpExt:DigitalSourceType': IPTC_DST_BASE + s.digitalSourceType,
    'xmp:CreatorTool': s.software,
    'previs:Purpose': s.purpose,
    'previs:LedgerHead': s.ledgerHead,
    'previs:Layers': {
      '@list': s.layers.map((l) => Object.fromEntries(Object.entries(layerFields(l)).map(([k, v]) => [`previs:${k}`, v]))),
    },
  };
}

export function parseXmpJsonLd(packet: unknown): DisclosureSummary {
  if (!packet || typeof packet !== 'object') throw new Error('packet is not an object');
  const p = packet as Record<string, unknown>;
  const dst = p['Iptc4xmpExt:DigitalSourceType'];
  if (typeof dst !== 'string' || !dst.startsWith(IPTC_DST_BASE)) throw new Error('DigitalSourceType missing or not an IPTC code');
  const list = (p['previs:Layers'] as { '@list'?: unknown } | undefined)?.['@list'];
  if (!Array.isArray(list)) throw new Error('previs:Layers missing');
  const str = (o: Record<string, unknown>, k: string): string => {
    const v = o[`previs:${k}`];
    if (typeof v !== 'string') throw new Error(`layer entry lacks previs:${k}`);
    return v;
  };
  return {
    digitalSourceType: dst.slice(IPTC_DST_BASE.length),
    software: String(p['xmp:CreatorTool'] ?? ''),
    purpose: String(p['previs:Purpose'] ?? ''),
    ledgerHead: String(p['previs:LedgerHead'] ?? ''),
    layers: list.map((raw) => {
      const o = raw as Record<string, unknown>;
      const fs = o['previs:FrameStart'];
      const fe = o['previs:FrameEnd'];
      return {
        layerId: str(o, 'LayerId'),
        name: str(o, 'Name'),
        effect: str(o, 'Effect'),
        action: str(o, 'Action'),
        digitalSourceType: str(o, 'DigitalSourceType'),
        recordHash: str(o, 'RecordHash'),
        review: str(o, 'Review'),
        consent: str(o, 'Consent'),
        frames: typeof fs === 'number' && typeof fe === 'number' ? { start: fs, end: fe } : null,
      };
    }),
  };
}

/** Field-by-field differences between what the file says and what the signed bundle says. */
export function diffSummaries(inFile: DisclosureSummary, signed: DisclosureSummary): string[] {
  const out: string[] = [];
  const top = ['digitalSourceType', 'purpose', 'software', 'ledgerHead'] as const;
  for (const k of top) if (inFile[k] !== signed[k]) out.push(`XMP ${k} says "${inFile[k]}", signed bundle says "${signed[k]}"`);
  const byId = new Map(inFile.layers.map((l) => [l.layerId, l]));
  for (const l of signed.layers) {
    const f = byId.get(l.layerId);
    if (!f) {
      out.push(`XMP omits generated layer ${l.layerId} ("${l.name}")`);
      continue;
    }
    byId.delete(l.layerId);
    for (const k of ['name', 'effect', 'action', 'digitalSourceType', 'recordHash', 'review', 'consent'] as const) {
      if (f[k] !== l[k]) out.push(`XMP layer ${l.layerId} ${k} says "${f[k]}", signed bundle says "${l[k]}"`);
    }
    if (JSON.stringify(f.frames) !== JSON.stringify(l.frames)) out.push(`XMP layer ${l.layerId} frame range differs from the signed bundle`);
  }
  for (const extra of byId.keys()) out.push(`XMP lists layer ${extra} that the signed bundle does not`);
  return out;
}
