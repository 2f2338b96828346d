export interface BenchRow {
  bench?: string;
  variant: string;
  metric: string;
  value: number;
  unit: string;
  /** this variant relative to the bench's baseline variant */
  ratio?: number;
  goal?: string;
  note?: string;
}

export interface BenchContext {
  quick: boolean;
  /** median wall time of n runs, ms */
  median(fn: () => unknown | Promise<unknown>, n: number): Promise<number>;
}
