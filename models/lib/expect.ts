// Test-vector expectations computed from a plain-TypeScript reference of a graph: sampled values plus
// whole-tensor statistics, so a card checks both points and the overall result.
export function referenceExpectation(ref: ArrayLike<number>, indices: number[], tolerance = 1e-5) {
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < ref.length; i++) {
    const v = ref[i]!;
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return [
    { kind: 'samples' as const, indices, values: indices.map((i) => ref[i]!), tolerance },
    { kind: 'stats' as const, mean: sum / ref.length, min, max, tolerance },
  ];
}
