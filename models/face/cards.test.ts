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

const HUMAN = join('node_modules', '@vladmandic', 'human', 'models');

describe('shipped face and de-age models', () => {
  it.each(['facemesh', 'faceres', 'deage-procedural'])('%s passes its own test vectors on WASM', async (id) => {
    const results = await getRuntime().testVectors(id, { backend: 'wasm' });
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.failures, `${id}: ${r.name}`).toEqual([]);
  }, 120_000);

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
