// Seeded randomness for the collapse: the same seed must give the same fracture, glue and bake on every run,
// so nothing in this effect may call Math.random().

export { createRng } from '../../core/util/prng';

/** A derived stream, so fracture and debris draw from independent sequences of one user seed. */
export function subSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Standard normal draw (Box–Muller), for jitter of debris velocities. */
export function gaussian(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}
