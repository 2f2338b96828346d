// KHR_xmp_json_ld in a GLB: one packet for the whole asset, and one per node that is, or holds, a generated
// layer. Which nodes those are comes from `extras.previsLayerIds` that the scene exporter writes on each layer's
// node; ancestors inherit their descendants' ids here, so a group holding a collapse bake is marked too.
import { fromUtf8 } from './bindBytes';
import { buildGlb, CHUNK_BIN, CHUNK_JSON, readGlb } from './glbContainer';
import { buildXmpJsonLd, parseXmpJsonLd, type DisclosureSummary } from './xmpPacket';

const EXT = 'KHR_xmp_json_ld';

interface GltfNode {
  name?: string;
  children?: number[];
  extras?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}
interface GltfJson {
  asset: Record<string, unknown> & { extensions?: Record<string, unknown> };
  nodes?: GltfNode[];
  extensions?: Record<string, unknown>;
  extensionsUsed?: string[];
  [k: string]: unknown;
}

function ownLayerIds(n: GltfNode): string[] {
  const ids = n.extras?.previsLayerIds;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}

/** Layer ids each node is or holds (own ids plus every descendant's), by node index. */
export function layerIdsByNode(json: GltfJson): Map<number, string[]> {
  const nodes = json.nodes ?? [];
  const memo = new Map<number, string[]>();
  const visit = (i: number, guard: Set<number>): string[] => {
    const hit = memo.get(i);
    if (hit) return hit;
    if (guard.has(i)) throw new Error(`glTF node ${i} is its own ancestor`);
    guard.add(i);
    const n = nodes[i];
    const ids = new Set(n ? ownLayerIds(n) : []);
    for (const c of n?.children ?? []) for (const id of visit(c, guard)) ids.add(id);
    const out = [...ids].sort();
    memo.set(i, out);
    return out;
  };
  nodes.forEach((_n, i) => visit(i, new Set()));
  return memo;
}

export function subset(s: DisclosureSummary, ids: readonly string[]): DisclosureSummary {
  return { ...s, layers: s.layers.filter((l) => ids.includes(l.layerId)) };
}

/** Rewrites the GLB's JSON with the packets; the binary chunk is copied untouched. */
export function withGlbXmp(glb: Uint8Array, summary: DisclosureSummary): Uint8Array {
  const { chunks } = readGlb(glb);
  const json = JSON.parse(fromUtf8(chunks[0]!.data)) as GltfJson;
  const bin = chunks.find((c) => c.type === CHUNK_BIN)?.data ?? null;
  const others = chunks.filter((c) => c.type !== CHUNK_JSON && c.type !== CHUNK_BIN && c.type !== 0x53565250);
  const packets: unknown[] = [buildXmpJsonLd(summary)];
  const byNode = layerIdsByNode(json);
  const known = new Set(summary.layers.map((l) => l.layerId));
  (json.nodes ?? []).forEach((n, i) => {
    const stray = ownLayerIds(n).filter((id) => !known.has(id));
    // a generated layer the gate did not clear must never leave undisclosed
    if (stray.length) throw new Error(`glTF node "${n.name ?? i}" holds layer(s) ${stray.join(', ')} that the export gate did not allow`);
    if (n.extensions) delete n.extensions[EXT];
    const ids = byNode.get(i) ?? [];
    if (ids.length === 0) return;
    n.extensions = { ...(n.extensions ?? {}), [EXT]: { packet: packets.length } };
    packets.push(buildXmpJsonLd(subset(summary, ids)));
  });
  json.extensions = { ...(json.extensions ?? {}), [EXT]: { packets } };
  json.asset.extensions = { ...(json.asset.extensions ?? {}), [EXT]: { packet: 0 } };
  json.extensionsUsed = [...new Set([...(json.extensionsUsed ?? []), EXT])];
  return buildGlb(json, bin, others.map((c) => ({ type: c.type, data: c.data })));
}

/**
 * Reads the packets back and checks their placement: returns the asset-level summary and the mismatches
 * (a node marked with layers lacking its packet, a packet naming other layers than the node holds).
 */
export interface GlbNodePacket {
  label: string;
  layerIds: string[];
  summary: DisclosureSummary;
}

export function readGlbXmp(jsonText: string): { asset: DisclosureSummary; nodes: GlbNodePacket[]; problems: string[] } {
  const json = JSON.parse(jsonText) as GltfJson;
  const packets = (json.extensions?.[EXT] as { packets?: unknown[] } | undefined)?.packets;
  if (!Array.isArray(packets)) throw new Error('no KHR_xmp_json_ld packets in the glTF JSON');
  const assetRef = (json.asset.extensions?.[EXT] as { packet?: unknown } | undefined)?.packet;
  if (typeof assetRef !== 'number' || !packets[assetRef]) throw new Error('the asset has no KHR_xmp_json_ld packet');
  const asset = parseXmpJsonLd(packets[assetRef]);
  const problems: string[] = [];
  const nodes: GlbNodePacket[] = [];
  const byNode = layerIdsByNode(json);
  (json.nodes ?? []).forEach((n, i) => {
    const ids = byNode.get(i) ?? [];
    const ref = (n.extensions?.[EXT] as { packet?: unknown } | undefined)?.packet;
    const label = `node ${i} "${n.name ?? ''}"`;
    if (ids.length === 0) {
      if (ref !== undefined) problems.push(`${label} carries a disclosure packet but holds no generated layer`);
      return;
    }
    if (typeof ref !== 'number' || !packets[ref]) {
      problems.push(`${label} holds generated layer(s) ${ids.join(', ')} but has no KHR_xmp_json_ld packet`);
      return;
    }
    for (const id of ids) if (!asset.layers.some((l) => l.layerId === id)) problems.push(`${label} holds generated layer ${id}, which the disclosure does not list`);
    try {
      const summary = parseXmpJsonLd(packets[ref]);
      nodes.push({ label, layerIds: ids, summary });
      const got = summary.layers.map((l) => l.layerId).sort();
      if (got.join('\n') !== ids.join('\n')) problems.push(`${label} packet lists layers [${got.join(', ')}], node holds [${ids.join(', ')}]`);
    } catch (e) {
      problems.push(`${label} packet unreadable: ${(e as Error).message}`);
    }
  });
  return { asset, nodes, problems };
}
