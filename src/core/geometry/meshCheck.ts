// Topology checks for generated meshes: is a piece a closed, consistently wound surface (so it has a volume
// and a fracture step can cut it), and how many boundary loops does a flat face have (holes cut by openings)?
import type { IndexRange, MeshData } from './mesh';

export interface ClosedReport {
  triangles: number;
  /** distinct welded vertices */
  vertices: number;
  /** distinct undirected edges */
  edges: number;
  /** directed edges with no opposite partner: 0 for a closed surface */
  openEdges: number;
  /** directed edges used more than once: 0 for a consistently wound 2-manifold */
  duplicatedEdges: number;
  /** V − E + F of the welded surface (2 for a sphere-like solid, 0 for a solid with one through-hole) */
  euler: number;
  closed: boolean;
}

/** Welds vertices by position (quantised to `epsilon`) and classifies the directed edges of the range. */
export function checkClosed(mesh: Pick<MeshData, 'positions' | 'indices'>, range?: IndexRange, epsilon = 1e-5): ClosedReport {
  const { positions: p, indices: ix } = mesh;
  const start = range?.start ?? 0;
  const end = range ? range.start + range.count : ix.length;
  const weld = new Map<string, number>();
  const welded = (v: number) => {
    const key = `${Math.round(p[v * 3]! / epsilon)},${Math.round(p[v * 3 + 1]! / epsilon)},${Math.round(p[v * 3 + 2]! / epsilon)}`;
    let id = weld.get(key);
    if (id === undefined) {
      id = weld.size;
      weld.set(key, id);
    }
    return id;
  };
  const directed = new Map<string, number>();
  for (let t = start; t < end; t += 3) {
    const tri = [welded(ix[t]!), welded(ix[t + 1]!), welded(ix[t + 2]!)];
    for (let k = 0; k < 3; k++) {
      const key = `${tri[k]}>${tri[(k + 1) % 3]}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
    }
  }
  let openEdges = 0;
  let duplicatedEdges = 0;
  const undirected = new Set<string>();
  for (const [key, n] of directed) {
    const [a, b] = key.split('>') as [string, string];
    undirected.add(Number(a) < Number(b) ? `${a}-${b}` : `${b}-${a}`);
    if (n > 1) duplicatedEdges++;
    if (!directed.has(`${b}>${a}`)) openEdges++;
  }
  const triangles = (end - start) / 3;
  const euler = weld.size - undirected.size + triangles;
  return {
    triangles,
    vertices: weld.size,
    edges: undirected.size,
    openEdges,
    duplicatedEdges,
    euler,
    closed: openEdges === 0 && duplicatedEdges === 0,
  };
}
