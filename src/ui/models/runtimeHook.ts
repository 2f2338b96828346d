// Exposes the effect runtime to e2e tests and the bench as window.__previs.runtime: the same calls the
// panel makes, plus input generators so a test can build feeds inside the page.
import { registerTestHook } from '../../testHook';
import { getRuntime, installedModels, validateModel } from '../../effects/runtime';
import { generateInput } from '../../effects/runtime/testVectors';
import { useByoModels } from './byoModels';

registerTestHook('runtime', {
  get runtime() {
    return getRuntime();
  },
  installedModels,
  validateModel,
  generateInput,
  byoModels: useByoModels,
});
