// What the artist sets for a collapse, and the material presets behind it. Validated with zod so a bad value
// from the panel or a hand-edited document gives a clear message instead of a broken simulation.
import { z } from 'zod';

export const CollapseMaterial = z.enum(['concrete', 'brick', 'glass', 'steel']);
export type CollapseMaterial = z.infer<typeof CollapseMaterial>;

/** Which members give way first: slab-to-wall connections (floors drop onto each other) or the walls
 * themselves on the struck side (the upper storeys lose support on one side and tip over). */
export const FailureMode = z.enum(['pancake', 'toppling']);
export type FailureMode = z.infer<typeof FailureMode>;

const finite = z.number().finite();
const vec3 = z.tuple([finite, finite, finite]);

export const CollapseParams = z.object({
  /** frame of the project timeline at which the building fails */
  triggerFrame: z.number().int().min(0),
  /** seconds simulated after the trigger */
  duration: finite.min(0.25).max(30),
  /** where the blow lands, in the building's local frame (metres, y up, origin at the base centre) */
  impactPoint: vec3,
  /** direction the blow pushes (normalised when used) */
  impactDirection: vec3,
  /** speed given to the material at the centre of the blow, m/s */
  strength: finite.min(0).max(200),
  /** radius of the blow, metres: fracture is denser and glue weaker inside it */
  impactRadius: finite.min(0.1).max(100),
  /** Voronoi seeds; the fragment count ends close to this (cells that span several members split) */
  fragmentCount: z.number().int().min(8).max(8000),
  material: CollapseMaterial,
  failureMode: FailureMode,
  /** m/s², along −y */
  gravity: finite.min(0).max(100),
  /** debris and dust particles spawned where glue breaks */
  particleCount: z.number().int().min(0).max(500_000),
});
export type CollapseParams = z.infer<typeof CollapseParams>;

export const defaultCollapseParams = (triggerFrame = 24): CollapseParams => ({
  triggerFrame,
  duration: 4,
  impactPoint: [0, 2, 5],
  impactDirection: [0, 0, -1],
  strength: 12,
  impactRadius: 3,
  fragmentCount: 1200,
  material: 'concrete',
  failureMode: 'pancake',
  gravity: 9.81,
  particleCount: 60_000,
});

export interface MaterialPreset {
  /** kg/m³ */
  density: number;
  /** how much more load than it carried intact a glue bond takes before it fails (alternate load path reserve) */
  reserve: number;
  /** contact impulse per square metre of glue that breaks a bond, N·s/m² */
  impulsePerArea: number;
  friction: number;
  restitution: number;
  /** share of the debris budget that is dust (slow, draggy) rather than chips */
  dustShare: number;
}

// Bulk densities of the element as built (a wall with its voids, a composite steel-frame floor), not of the
// raw material. Reserves follow the dynamic increase factor of 2 used in progressive-collapse checks, lowered
// for brittle materials so a previs collapse reads the way each material fails.
export const MATERIALS: Record<CollapseMaterial, MaterialPreset> = {
  concrete: { density: 2400, reserve: 1.6, impulsePerArea: 9000, friction: 0.8, restitution: 0.05, dustShare: 0.7 },
  brick: { density: 1900, reserve: 1.3, impulsePerArea: 5000, friction: 0.75, restitution: 0.05, dustShare: 0.8 },
  glass: { density: 2500, reserve: 1.1, impulsePerArea: 1500, friction: 0.5, restitution: 0.1, dustShare: 0.3 },
  steel: { density: 1200, reserve: 2.2, impulsePerArea: 20000, friction: 0.6, restitution: 0.02, dustShare: 0.5 },
};

/** Glue kinds: how a bond sits in the structure decides which failure mode weakens it. */
export type BondKind = 'wall' | 'slab' | 'connection' | 'foundation';

/** Reserve multipliers per bond kind for each failure mode (applied on top of the material reserve). */
export const MODE_RESERVE: Record<FailureMode, Record<BondKind, number>> = {
  pancake: { wall: 1.6, slab: 1.4, connection: 0.85, foundation: 3 },
  toppling: { wall: 0.85, slab: 2.5, connection: 2, foundation: 0.9 },
};

export function parseCollapseParams(input: unknown): { ok: true; params: CollapseParams } | { ok: false; error: string } {
  const r = CollapseParams.safeParse(input);
  if (r.success) return { ok: true, params: r.data };
  const first = r.error.issues[0];
  return { ok: false, error: first ? `${first.path.join('.') || 'params'}: ${first.message}` : 'invalid collapse parameters' };
}
