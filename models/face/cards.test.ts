// The face and de-age models this effect ships: each passes its own card's test vectors on WASM, and the
// committed .onnx files are exactly what the converter / graph author produce now (so `npm run models`
// reproduces them byte for byte and their cards' sha256 stay true).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { getRuntime } from '../../src/effects/runtime';
import { findInstalled } from '../../src/effects/runtime/registry';
import { sha256Hex } from '../../src/core/util/sha256';
import { readTfjsGraph } from './tfjs-graph';
import { convertTfjsGraph } from './tfjs-to-onnx';
import { buildProceduralGraph } from '../deage/procedural';
import { loadFaceres } from './faceres';
import { installedModels } from '../../src/effects/runtime/registry';

const HUMAN = join('node_modules', '@vladmandic', 'human', 'models');

describe('shipped face and de-age models', () => {
  it.each(['facemesh', 'faceres', 'deage-procedural'])('%s passes its own test vectors on WASM', async (id) => {
    // faceres is not installed in the app (no verifiable training data): it is checked as a model given on disk
    const results = await getRuntime().testVectors(id === 'faceres' ? await loadFaceres() : id, { backend: 'wasm' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.failures, `${id}: ${r.name}`).toEqual([]);
  }, 120_000);

  it('faceres is not part of the app: not in the installed registry the build bundles', () => {
    expect(installedModels().map((e) => e.card?.id)).not.toContain('faceres');
    expect(installedModels().map((e) => e.card?.id)).toContain('facemesh');
  });

  it('the committed models are what the converter and the graph author build', async () => {
    const mesh = convertTfjsGraph(readTfjsGraph(join(HUMAN, 'facemesh.json')), {
      name: 'facemesh',
      inputName: 'image',
      docString: 'MediaPipe face mesh (468 points) via @vladmandic/human 3.3.6, converted from tfjs by previs-sandbox',
      outputs: [
        { tfjs: 'output_mesh', onnx: 'mesh' },
        { tfjs: 'output_faceflag', onnx: 'faceflag' },
      ],
    });
    expect(await sha256Hex(mesh.bytes)).toBe(findInstalled('facemesh').card.sha256);
    const graph = buildProceduralGraph().serialize({
      opset: 17,
      docString: 'Procedural face de-aging in face-aligned space (frequency separation, tone evening, lift, warp). Authored by previs-sandbox.',
    });
    expect(await sha256Hex(graph)).toBe(findInstalled('deage-procedural').card.sha256);
  }, 120_000);
});
