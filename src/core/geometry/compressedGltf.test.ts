// Draco and meshopt compressed files pass the validator and the file checks (the compressed bytes are the decoders'
// to read); meshopt also decodes here in Node, to the very mesh it was made from. Draco decodes in a browser
// worker: tests/e2e/compressedModels.e2e.ts.
import { describe, expect, it } from 'vitest';
import { validateBytes } from 'gltf-validator';
import { inspectModelFile } from './glb';
import '../../viewport/objects/loaderInNode.testutil';
import { parseModel } from '../../viewport/objects/gltf';
import { GRID_TRIANGLES, GRID_VERTICES, dracoGridGlb, gridMesh, meshoptGridGlb } from '../../../tests/fixtures/models/compressedGltf';

async function validatorErrors(bytes: Uint8Array): Promise<string[]> {
  const r = await validateBytes(bytes, { maxIssues: 50 });
  return r.issues.messages.filter((m) => m.severity === 0).map((m) => `${m.code} ${m.pointer ?? ''} ${m.message}`);
}

describe('compressed glTF', () => {
  for (const [name, make] of [['terrain-draco.glb', dracoGridGlb], ['terrain-meshopt.glb', meshoptGridGlb]] as const) {
    it(`${name} is valid glTF and passes the file checks with its declared counts`, async () => {
      const bytes = await make();
      expect(await validatorErrors(bytes)).toEqual([]);
      const info = inspectModelFile(bytes, name);
      expect(info.vertices).toBe(GRID_VERTICES);
      expect(info.triangles).toBe(GRID_TRIANGLES);
    });
  }

  it('meshopt geometry decodes to the mesh it was made from', async () => {
    const model = await parseModel(await meshoptGridGlb());
    let vertices = 0;
    model.scene.traverse((o) => {
      const g = (o as { geometry?: { attributes: { position: { count: number } } } }).geometry;
      if (g) vertices += g.attributes.position.count;
    });
    expect(vertices).toBe(GRID_VERTICES);
    expect(model.triangleCount).toBe(GRID_TRIANGLES);
    // the decoded bounds are the grid's own
    const { positions } = gridMesh();
    for (let c = 0; c < 3; c++) {
      const axis = positions.filter((_, i) => i % 3 === c);
      expect(model.min[c]).toBeCloseTo(Math.min(...axis), 5);
      expect(model.max[c]).toBeCloseTo(Math.max(...axis), 5);
    }
  });

  it('damaged meshopt data is refused in one sentence that names the compression', async () => {
    await expect(parseModel(await meshoptGridGlb(true))).rejects.toThrow(/^its meshopt-compressed geometry does not decode \(the file is damaged\)$/);
  });
});
