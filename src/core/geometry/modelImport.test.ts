import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { inspectModelFile, ModelFileError, MAX_IMPORT_BYTES } from './glb';
import { suggestUnitScale } from './units';
import { crateGlb, personMmGlb, truncatedGlb } from '../../../tests/fixtures/models/makeModels';

const fixture = (n: string) => new Uint8Array(readFileSync(new URL(`../../../tests/fixtures/models/${n}`, import.meta.url)));

describe('model file checks', () => {
  it('committed fixtures are exactly what the generator makes', () => {
    expect(fixture('crate.glb')).toEqual(crateGlb());
    expect(fixture('person-mm.glb')).toEqual(personMmGlb());
    expect(fixture('truncated.glb')).toEqual(truncatedGlb());
  });

  it('accepts a well-formed GLB and reports its parts', () => {
    const info = inspectModelFile(crateGlb(), 'crate.glb');
    expect(info.container).toBe('glb');
    expect(info.json.meshes).toHaveLength(2);
    expect(info.binLength).toBeGreaterThan(0);
    expect(info.generator).toBe('previs-sandbox fixture');
  });

  it('refuses a truncated GLB with a reason naming the truncation', () => {
    expect(() => inspectModelFile(truncatedGlb(), 't.glb')).toThrow(ModelFileError);
    expect(() => inspectModelFile(truncatedGlb(), 't.glb')).toThrow(/truncated/);
    // every cut point is caught, none slips through to the loader
    const full = crateGlb();
    for (let n = 0; n < full.byteLength; n += 7) expect(() => inspectModelFile(full.slice(0, n), 'x')).toThrow(ModelFileError);
  });

  it('catches a consistent-looking file whose accessors point past their data', () => {
    const full = crateGlb();
    const dv = new DataView(full.buffer);
    const jsonLen = dv.getUint32(12, true);
    const text = new TextDecoder().decode(full.subarray(20, 20 + jsonLen));
    const broken = text.replace('"count":24', '"count":99');
    expect(broken).not.toBe(text);
    const bytes = full.slice();
    bytes.set(new TextEncoder().encode(broken.padEnd(jsonLen, ' ').slice(0, jsonLen)), 20);
    expect(() => inspectModelFile(bytes, 'b.glb')).toThrow(/reads past/);
  });

  it('refuses garbage, other versions, external references, empty scenes and oversized files', () => {
    expect(() => inspectModelFile(new TextEncoder().encode('hello'), 'a.glb')).toThrow(/does not parse/);
    const v1 = crateGlb();
    new DataView(v1.buffer).setUint32(4, 1, true);
    expect(() => inspectModelFile(v1, 'v1.glb')).toThrow(/version 1/);
    const ext = JSON.stringify({ asset: { version: '2.0' }, buffers: [{ byteLength: 10, uri: 'mesh.bin' }], meshes: [{}] });
    expect(() => inspectModelFile(new TextEncoder().encode(ext), 'a.gltf')).toThrow(/external file "mesh.bin"/);
    const empty = JSON.stringify({ asset: { version: '2.0' } });
    expect(() => inspectModelFile(new TextEncoder().encode(empty), 'e.gltf')).toThrow(/no meshes/);
    const big = { byteLength: MAX_IMPORT_BYTES + 1 } as Uint8Array;
    expect(() => inspectModelFile(big, 'huge.glb')).toThrow(/import limit/);
  });
});

describe('unit detection', () => {
  it('a 1,700-unit person asks, recommending millimetres', () => {
    const s = suggestUnitScale([400, 1700, 250]);
    expect(s.ask).toBe(true);
    expect(s.options.map((o) => o.scale)).toEqual([0.01, 0.001, 1]);
    expect(s.recommended).toBe(0.001);
    expect(s.reason).toMatch(/1,700 m/);
  });

  it('a 450-unit car recommends centimetres', () => {
    expect(suggestUnitScale([180, 140, 450]).recommended).toBe(0.01);
  });

  it('plausible sizes in metres do not ask', () => {
    for (const size of [[0.8, 1.5, 0.6], [12, 30, 10], [0.05, 0.05, 0.05]] as [number, number, number][]) {
      expect(suggestUnitScale(size).ask).toBe(false);
    }
  });

  it('tiny models ask too', () => {
    const s = suggestUnitScale([0.0017, 0.004, 0.001]);
    expect(s.ask).toBe(true);
    expect(s.options.some((o) => o.scale === 1)).toBe(true);
  });
});
