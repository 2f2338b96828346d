// The asset's triangles as the collapse reads them: GLTFLoader's parse of the fixture GLBs, in the frame
// AssetObject draws in (unit scale, centred footprint, standing on y = 0), with the object's scale applied.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModel } from '../../../viewport/objects/gltf';
import { crateGlb, personMmGlb } from '../../../../tests/fixtures/models/makeModels';
import { soupFromModel } from './assetSoup';
import { signedVolume, weldAndCheck } from '../meshSoup';

const fixture = (name: string) => new Uint8Array(readFileSync(resolve(__dirname, '../../../../tests/fixtures/models', name)));

describe('asset soup', () => {
  it('reads the L-block fixture as a closed 126 m³ mesh standing on the ground, centred on its footprint', async () => {
    const soup = soupFromModel(await parseModel(fixture('l-block.glb')), 1);
    expect(soup.indices.length / 3).toBe(20);
    const m = weldAndCheck(soup);
    expect(m.volume).toBeCloseTo(126, 6);
    expect(m.bounds.min[1]).toBeCloseTo(0, 9);
    expect(m.bounds.min[0] + m.bounds.max[0]).toBeCloseTo(0, 9);
    expect(m.bounds.min[2] + m.bounds.max[2]).toBeCloseTo(0, 9);
    expect(soup.colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('applies the unit scale and the object scale; a mirroring scale keeps the surface wound outward', async () => {
    const person = soupFromModel(await parseModel(personMmGlb()), 0.001, [2, 1, 1]);
    expect(signedVolume(person.positions, person.indices)).toBeCloseTo(0.8 * 1.7 * 0.25, 6);
    const mirrored = soupFromModel(await parseModel(crateGlb()), 1, [-1, 1, 1]);
    expect(signedVolume(mirrored.positions, mirrored.indices)).toBeCloseTo(0.8 * 1.2 * 0.6 + 0.3 * 0.3 * 0.3, 5);
  });
});
