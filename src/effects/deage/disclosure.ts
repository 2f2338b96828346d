// The words the de-age layer's disclosure record carries: what was asked, how it was done, and what was
// measured — never a claim that the actor now looks N years younger, which nothing in the app measures.
import type { ModelCard } from '../runtime/modelCard';
import type { DeageParams } from './params';

export interface DeageMethod {
  /** the procedural graph's card, or the learned model's */
  card: Pick<ModelCard, 'id' | 'version' | 'sha256' | 'kind'>;
}

export interface DeageMeasured {
  /** the apparent age in the plate the learned model was conditioned on */
  sourceAge: number | null;
  /** who gave it: typed by the artist, or estimated on the first frame by a named model */
  sourceAgeFrom: 'user' | { model: string } | null;
}

export function deageDescription(params: DeageParams, method: DeageMethod, measured: DeageMeasured): string {
  const asked = `Asked: look ${params.yearsYounger} years younger.`;
  const how =
    method.card.kind === 'procedural'
      ? `Method: procedural, no learned re-aging weights (${method.card.id} ${method.card.version}, sha256 ${method.card.sha256.slice(0, 16)}…).`
      : `Method: learned re-aging model ${method.card.id} ${method.card.version}, sha256 ${method.card.sha256}.`;
  let what = 'Measured: no age estimate was made for this shot; the years are a setting, not a measured result.';
  if (measured.sourceAge !== null && measured.sourceAgeFrom) {
    const from = measured.sourceAgeFrom === 'user' ? 'as entered by the artist' : `as estimated by ${measured.sourceAgeFrom.model} on the first frame`;
    what = `Measured: the model was told the actor appears ${measured.sourceAge} in the plate (${from}) and asked for ${Math.max(1, measured.sourceAge - params.yearsYounger)}; the result's apparent age was not measured.`;
  }
  return `${asked} ${how} ${what}`;
}
