// Which glue holds and which gives way. Loads run from every fragment down the shortest bonded path to the
// ground (weight shared between the bonds one step nearer the ground, by contact area). A bond's capacity is
// a reserve over the load it carried in the intact building — the alternate-load-path check of progressive
// collapse analysis — so an intact building stands, and a damaged one fails where load has to detour.
import { GROUND, type Bond } from './glue';
import type { Fragment } from './fracture';
import { MATERIALS, MODE_RESERVE, type CollapseParams } from './params';

export interface Structure {
  bonds: Bond[];
  /** 1 while a bond holds */
  intact: Uint8Array;
  /** largest static load a bond takes, N */
  capacity: Float64Array;
  /** contact impulse that breaks a bond, N·s */
  impulseLimit: Float64Array;
  /** 0–1: how hard the blow hit each bond (also drives debris spawning) */
  damage: Float64Array;
  /** bond ids per fragment (CSR) */
  adjStart: Int32Array;
  adjBonds: Int32Array;
}

export function adjacency(n: number, bonds: Bond[]): { adjStart: Int32Array; adjBonds: Int32Array } {
  const count = new Int32Array(n + 1);
  for (const b of bonds) {
    count[b.a + 1]!++;
    if (b.b !== GROUND) count[b.b + 1]!++;
  }
  for (let i = 0; i < n; i++) count[i + 1]! += count[i]!;
  const fill = count.slice(0, n);
  const adjBonds = new Int32Array(count[n]!);
  bonds.forEach((b, k) => {
    adjBonds[fill[b.a]!++] = k;
    if (b.b !== GROUND) adjBonds[fill[b.b]!++] = k;
  });
  return { adjStart: count, adjBonds };
}

/**
 * Static loads through the intact bonds among fragments still standing (`standing[i] = 1`).
 * Returns the load per bond and each fragment's hop count to the ground (−1: no path, it must fall).
 */
export function staticLoads(
  fragments: Fragment[],
  s: Pick<Structure, 'bonds' | 'intact' | 'adjStart' | 'adjBonds'>,
  standing: Uint8Array,
  g: number,
): { load: Float64Array; hop: Int32Array } {
  const n = fragments.length;
  const hop = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0, tail = 0;
  s.bonds.forEach((b, k) => {
    if (b.b === GROUND && s.intact[k] && standing[b.a] && hop[b.a] === -1) {
      hop[b.a] = 0;
      queue[tail++] = b.a;
    }
  });
  while (head < tail) {
    const i = queue[head++]!;
    for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
      const k = s.adjBonds[q]!;
      if (!s.intact[k]) continue;
      const b = s.bonds[k]!;
      const j = b.a === i ? b.b : b.a;
      if (j === GROUND || !standing[j] || hop[j] !== -1) continue;
      hop[j] = hop[i]! + 1;
      queue[tail++] = j;
    }
  }
  const load = new Float64Array(s.bonds.length);
  const carried = new Float64Array(n);
  // BFS order reversed = farthest from the ground first, so each fragment has all its inflow before passing it on
  for (let qi = tail - 1; qi >= 0; qi--) {
    const i = queue[qi]!;
    const total = carried[i]! + fragments[i]!.mass * g;
    let area = 0;
    for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
      const k = s.adjBonds[q]!;
      if (!s.intact[k]) continue;
      const b = s.bonds[k]!;
      const j = b.a === i ? b.b : b.a;
      if (j === GROUND ? hop[i] === 0 : hop[j] === hop[i]! - 1) area += b.area;
    }
    if (area <= 0) continue;
    for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
      const k = s.adjBonds[q]!;
      if (!s.intact[k]) continue;
      const b = s.bonds[k]!;
      const j = b.a === i ? b.b : b.a;
      const down = j === GROUND ? hop[i] === 0 : hop[j] === hop[i]! - 1;
      if (!down) continue;
      const share = (total * b.area) / area;
      load[k]! += share;
      if (j !== GROUND) carried[j]! += share;
    }
  }
  return { load, hop };
}

/** How hard the blow hits a point: 0 far away, up to 1 at the centre of a strong blow. */
export function impactDamage(p: readonly number[], params: Pick<CollapseParams, 'impactPoint' | 'impactRadius' | 'strength'>): number {
  const d2 = (p[0]! - params.impactPoint[0]) ** 2 + (p[1]! - params.impactPoint[1]) ** 2 + (p[2]! - params.impactPoint[2]) ** 2;
  const r = params.impactRadius;
  return Math.min(1, params.strength / 10) * Math.exp(-d2 / (2 * r * r));
}

/** Bonds with their capacities from the intact building's loads, weakened around the impact. */
export function buildStructure(fragments: Fragment[], bonds: Bond[], params: CollapseParams): Structure {
  const n = fragments.length;
  const { adjStart, adjBonds } = adjacency(n, bonds);
  const intact = new Uint8Array(bonds.length).fill(1);
  const all = new Uint8Array(n).fill(1);
  const { load } = staticLoads(fragments, { bonds, intact, adjStart, adjBonds }, all, Math.max(params.gravity, 1e-3));
  const mat = MATERIALS[params.material];
  // a floor under every capacity: bonds that carried nothing intact can still take a share once load detours
  const stresses: number[] = [];
  bonds.forEach((b, k) => {
    if (load[k]! > 0) stresses.push(load[k]! / b.area);
  });
  stresses.sort((a, b) => a - b);
  const typical = stresses[stresses.length >> 1] ?? 0;
  const capacity = new Float64Array(bonds.length);
  const impulseLimit = new Float64Array(bonds.length);
  const damage = new Float64Array(bonds.length);
  bonds.forEach((b, k) => {
    const reserve = Math.max(1.05, mat.reserve * MODE_RESERVE[params.failureMode][b.kind]);
    const dmg = impactDamage(b.centre, params);
    damage[k] = dmg;
    const keep = 1 - dmg;
    capacity[k] = Math.max(reserve * load[k]!, 0.35 * reserve * typical * b.area) * keep;
    impulseLimit[k] = mat.impulsePerArea * b.area * Math.min(2, MODE_RESERVE[params.failureMode][b.kind]) * keep;
    if (dmg > 0.5) intact[k] = 0; // shattered by the blow itself
  });
  return { bonds, intact, capacity, impulseLimit, damage, adjStart, adjBonds };
}

/** Connected groups of `members` through intact bonds (each group becomes one rigid body). */
export function components(members: readonly number[], s: Pick<Structure, 'bonds' | 'intact' | 'adjStart' | 'adjBonds'>, n: number): number[][] {
  const inSet = new Uint8Array(n);
  for (const m of members) inSet[m] = 1;
  const seen = new Uint8Array(n);
  const out: number[][] = [];
  for (const start of members) {
    if (seen[start]) continue;
    const group = [start];
    seen[start] = 1;
    for (let h = 0; h < group.length; h++) {
      const i = group[h]!;
      for (let q = s.adjStart[i]!; q < s.adjStart[i + 1]!; q++) {
        const k = s.adjBonds[q]!;
        if (!s.intact[k]) continue;
        const b = s.bonds[k]!;
        const j = b.a === i ? b.b : b.a;
        if (j === GROUND || !inSet[j] || seen[j]) continue;
        seen[j] = 1;
        group.push(j);
      }
    }
    out.push(group.sort((a, b) => a - b));
  }
  return out;
}
