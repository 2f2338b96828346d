// The C2PA manifest definition for one export, made from the same signed summary the XMP repeats, so the
// manifest, the XMP and our bundle say the same thing. One c2pa.created for the render (the file's IPTC
// digitalSourceType), then per generated layer: its own record action when that is c2pa.edited (a real plate
// was altered), and a c2pa.placed that composites the layer — placed needs an ingredient (C2PA 2.x §18.15.4.6),
// so each layer is a componentOf ingredient named by its record hash. Frame ranges and review/consent state
// ride along in the action parameters.
import { IPTC_DST_BASE, type DisclosureSummary } from '../xmpPacket';

export const C2PA_LAYER_PARAMS = 'com.previs-sandbox.layer';

export interface C2paManifestInput {
  summary: DisclosureSummary;
  fileName: string;
  /** e.g. "Previs Sandbox 0.1.0" */
  software: string;
}

const dstUri = (code: string) => (code.startsWith('http') ? code : `${IPTC_DST_BASE}${code}`);

function softwareAgent(software: string): { name: string; version?: string } {
  const m = /^(.*?)\s+(\d[\w.+-]*)$/.exec(software.trim());
  return m ? { name: m[1]!, version: m[2]! } : { name: software };
}

export function c2paManifestDefinition(input: C2paManifestInput): Record<string, unknown> {
  const { summary } = input;
  const agent = softwareAgent(input.software);
  const actions: Record<string, unknown>[] = [
    {
      action: 'c2pa.created',
      digitalSourceType: dstUri(summary.digitalSourceType),
      softwareAgent: agent,
      description: `previs render (${summary.purpose} export)`,
    },
  ];
  const ingredients: Record<string, unknown>[] = [];
  for (const l of summary.layers) {
    const label = `layer-${l.layerId}`;
    const params = {
      [C2PA_LAYER_PARAMS]: { layerId: l.layerId, effect: l.effect, recordAction: l.action, recordHash: l.recordHash, review: l.review, consent: l.consent, frames: l.frames },
    };
    if (l.action === 'c2pa.edited') {
      actions.push({ action: 'c2pa.edited', digitalSourceType: dstUri(l.digitalSourceType), softwareAgent: agent, description: `${l.effect} effect "${l.name}" on a real plate`, parameters: params });
    }
    actions.push({
      action: 'c2pa.placed',
      digitalSourceType: dstUri(l.digitalSourceType),
      softwareAgent: agent,
      description: `generated layer "${l.name}" (${l.effect}) composited into the shot`,
      parameters: { ingredientIds: [label], ...params },
    });
    ingredients.push({ title: l.name || l.layerId, format: 'application/octet-stream', relationship: 'componentOf', label, instance_id: `previs:record:${l.recordHash}` });
  }
  return {
    claim_generator_info: [agent],
    title: input.fileName,
    assertions: [{ label: 'c2pa.actions.v2', data: { actions } }],
    ingredients,
  };
}
