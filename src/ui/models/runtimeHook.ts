// Exposes the effect runtime to e2e tests and the bench as window.__previs.runtime: the same calls the
// panel makes, plus input generators so a test can build feeds inside the page.
import { registerTestHook } from '../../testHook';
import { getRuntime, installedModels, validateModel } from '../../effects/runtime';
import { loadInstalled } from '../../effects/runtime/host';
import { generateInput, vectorFeeds } from '../../effects/runtime/testVectors';
import { useByoModels } from './byoModels';

/** Feeds from an installed model's largest test vector (what the bench runs). */
async function testFeeds(id: string) {
  const source = await loadInstalled(id);
  const size = (shapes: Record<string, number[]>) => Object.values(shapes).reduce((s, d) => s + d.reduce((a, b) => a * b, 1), 0);
  const largest = [...source.card.testVectors].sort((a, b) => size(b.shapes) - size(a.shapes))[0];
  if (!largest) throw new Error(`model "${id}" has no test vectors`);
  return vectorFeeds(source.card, largest, source.loadFile);
}

registerTestHook('runtime', {
  get runtime() {
    return getRuntime();
  },
  installedModels,
  validateModel,
  generateInput,
  testFeeds,
  byoModels: useByoModels,
});
