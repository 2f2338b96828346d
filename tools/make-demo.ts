// Writes public/demo/street.previs.json from buildDemoProject (npm run demo).
import { writeFileSync } from 'node:fs';
import { buildDemoProject } from '../src/core/document/demo';
import { serializeProject, loadProjectValue } from '../src/core/document';

if (process.argv.includes('--help')) {
  console.log('npm run demo — regenerate public/demo/street.previs.json from src/core/document/demo.ts');
  process.exit(0);
}
const p = buildDemoProject();
const check = loadProjectValue(JSON.parse(serializeProject(p)));
if (!check.ok) throw new Error(`demo project does not validate: ${check.error}`);
writeFileSync(new URL('../public/demo/street.previs.json', import.meta.url), serializeProject(p) + '\n');
console.log('wrote public/demo/street.previs.json');
