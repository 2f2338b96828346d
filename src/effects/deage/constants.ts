// The fixed scales of the procedural de-age graph, in pixels of the 512² face-aligned working space.
// Changing any of them changes the authored graph (models/deage) and its card; they live here so the
// graph, its plain-TypeScript reference and the pipeline agree.
export const FACE_SPACE = 512;

/** region channels of the mask tensor, in order */
export const REGIONS = ['face', 'skin', 'forehead', 'crowsFeet', 'underEye', 'nasolabial', 'jowl'] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_COUNT = REGIONS.length;

export const SCALES = {
  /** feathering of the hard region masks */
  maskSigma: 4,
  /** below this: pores and fine skin texture, kept so the skin never looks plastic */
  fineSigma: 1,
  /** between fineSigma and this: the wrinkle band that is attenuated. Chosen by measurement on the face
   * fixtures: 5 → age −3.1 y, identity 0.948; 6 → −3.5 y, 0.943; 8 → −4.2 y, 0.933 (below the identity floor) */
  wrinkleSigma: 6,
  /** the broad tone reference: the wrinkle-scale blur blurred again by toneSigma with taps toneDilation apart
   * (≈ σ 20 in all), done without striding so it is shift-equivariant and cannot flicker on moving faces */
  toneDilation: 4,
  toneSigma: 5,
} as const;

/** Caps that keep a pushed slider from erasing structure entirely. */
export const LIMITS = { wrinkle: 0.95, tone: 0.9, lift: 1 } as const;

export function gaussianKernel(sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma);
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + r] = v;
    sum += v;
  }
  for (let i = 0; i < k.length; i++) k[i] = k[i]! / sum;
  return k;
}
