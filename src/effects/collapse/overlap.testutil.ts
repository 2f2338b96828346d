// Test measure shared by the building and the imported-mesh fracture tests.
import { clipPoly, volumeCentroid, type Poly } from './polyhedron';

/** Volume of a ∩ b for convex fragments: clip a by every face plane of b. */
export function overlap(a: Poly, b: Poly): number {
  let p: Poly | null = a;
  for (const f of b.faces) {
    p = clipPoly(p, f.n, f.d, 0);
    if (!p) return 0;
  }
  return volumeCentroid(p).volume;
}
