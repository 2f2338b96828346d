// Builds the collapse effect's models into models/collapse (run by `npm run models`).
import { fileURLToPath } from 'node:url';
import { writeModel } from '../lib/card.ts';
import { buildDebrisStep, debrisStepDraft } from './debrisStep.ts';

const dir = fileURLToPath(new URL('./', import.meta.url));
const card = await writeModel(dir, await debrisStepDraft(), buildDebrisStep());
console.log(`  ${card.id} ${card.sha256.slice(0, 12)} (${card.bytes} bytes, ops ${card.ops.join(' ')})`);
