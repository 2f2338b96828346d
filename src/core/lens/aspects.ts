// Delivery aspects: the frame the picture is composed for. Stored on the camera as a plain number
// (width / height); the list only names the common ones for menus and the HUD.

export interface DeliveryAspect {
  id: string;
  label: string;
  value: number;
}

export const DELIVERY_ASPECTS: readonly DeliveryAspect[] = [
  { id: '2.39', label: '2.39:1 scope', value: 2.39 },
  { id: '1.85', label: '1.85:1 flat', value: 1.85 },
  { id: '16:9', label: '16:9 (1.78)', value: 16 / 9 },
  { id: '4:3', label: '4:3 (1.33)', value: 4 / 3 },
  { id: '1:1', label: '1:1 square', value: 1 },
  { id: '9:16', label: '9:16 vertical', value: 9 / 16 },
];

export const MIN_ASPECT = 0.2;
export const MAX_ASPECT = 5;

/** The named aspect equal to `value`, or undefined for a custom one. */
export function namedAspect(value: number): DeliveryAspect | undefined {
  return DELIVERY_ASPECTS.find((a) => Math.abs(a.value - value) < 1e-6);
}

export function aspectLabel(value: number): string {
  return namedAspect(value)?.label ?? `${formatRatio(value)}:1 custom`;
}

function formatRatio(v: number): string {
  return v.toFixed(2).replace(/0$/, '');
}

/**
 * Parses what a user types for a custom aspect: "2.2", "2.2:1", "17:9", "1920x1080".
 * Returns an error string rather than throwing, so the UI can show it.
 */
export function parseAspect(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)\s*(?:[:x×/]\s*(\d+(?:\.\d+)?))?$/i.exec(t);
  if (!m) return { ok: false, error: `aspect: "${t.slice(0, 40)}" is not a ratio like 2.39, 2.39:1 or 16:9` };
  const a = Number(m[1]);
  const b = m[2] === undefined ? 1 : Number(m[2]);
  if (!(b > 0)) return { ok: false, error: 'aspect: the height part must be above zero' };
  const value = a / b;
  if (!(value >= MIN_ASPECT && value <= MAX_ASPECT)) {
    return { ok: false, error: `aspect: ${value.toFixed(3)} is outside ${MIN_ASPECT}–${MAX_ASPECT}` };
  }
  return { ok: true, value };
}
