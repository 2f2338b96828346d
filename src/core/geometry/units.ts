// Unit and scale detection for imported models. glTF is specified in metres, but files exported from tools
// working in centimetres or millimetres arrive 100× or 1000× too large (a 1,700 m person): ask, don't guess.

export interface ScaleOption {
  scale: number;
  label: string;
  /** largest dimension in metres after applying the scale */
  largestMetres: number;
}

export interface ScaleSuggestion {
  /** true when the size is implausible enough to ask the user */
  ask: boolean;
  reason: string;
  options: ScaleOption[];
  /** the option most likely meant */
  recommended: number;
}

/** Above this the model is bigger than most sets; below it, smaller than a coin. */
export const PLAUSIBLE_MAX_M = 100;
export const PLAUSIBLE_MIN_M = 0.01;
/** the size props and people usually have, for ranking the options */
const TYPICAL_M = 2;

export function suggestUnitScale(size: readonly [number, number, number]): ScaleSuggestion {
  const largest = Math.max(Math.abs(size[0]), Math.abs(size[1]), Math.abs(size[2]));
  const option = (scale: number, label: string): ScaleOption => ({ scale, label, largestMetres: largest * scale });
  const fmt = (m: number) => (m >= 1 ? `${m.toLocaleString('en', { maximumFractionDigits: 1 })} m` : `${(m * 100).toPrecision(2)} cm`);
  if (!(largest > 0) || !Number.isFinite(largest)) {
    return { ask: false, reason: 'empty bounds', options: [option(1, 'Keep (metres)')], recommended: 1 };
  }
  let options: ScaleOption[];
  let reason: string;
  if (largest > PLAUSIBLE_MAX_M) {
    reason = `The model is ${fmt(largest)} across if its units are metres. It was probably made in centimetres or millimetres.`;
    options = [option(0.01, 'Centimetres (×0.01)'), option(0.001, 'Millimetres (×0.001)'), option(1, 'Keep (metres)')];
  } else if (largest < PLAUSIBLE_MIN_M) {
    reason = `The model is only ${fmt(largest)} across if its units are metres.`;
    options = [option(100, 'Hundredths (×100)'), option(1000, 'Thousandths (×1000)'), option(1, 'Keep (metres)')];
  } else {
    return { ask: false, reason: 'plausible size in metres', options: [option(1, 'Keep (metres)')], recommended: 1 };
  }
  const rescales = options.filter((o) => o.scale !== 1);
  const best = rescales.reduce((a, b) =>
    Math.abs(Math.log(b.largestMetres / TYPICAL_M)) < Math.abs(Math.log(a.largestMetres / TYPICAL_M)) ? b : a,
  );
  return { ask: true, reason, options, recommended: best.scale };
}
