// Extracts the named landmark index lists of the 468-point face mesh (MediaPipe topology) from
// @vladmandic/human's facemeshcoords.ts (MIT) into a JSON the app imports. These lists are facts of the
// model's output contract (which output index is which point of the face); we read them, we do not copy code.
import { readFileSync, writeFileSync } from 'node:fs';

export function extractMeshAnnotations(sourcePath: string): Record<string, number[]> {
  const src = readFileSync(sourcePath, 'utf8');
  const start = src.indexOf('export const meshAnnotations');
  const end = src.indexOf('};', start);
  if (start < 0 || end < 0) throw new Error(`${sourcePath}: meshAnnotations block not found`);
  const block = src
    .slice(start, end)
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n');
  const out: Record<string, number[]> = {};
  for (const m of block.matchAll(/(\w+):\s*\[([\d,\s]+)\]/g)) {
    out[m[1]!] = m[2]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  }
  for (const key of ['silhouette', 'lipsUpperOuter', 'lipsLowerOuter', 'rightEyeLower0', 'leftEyebrowUpper']) {
    if (!out[key]?.length) throw new Error(`${sourcePath}: annotation ${key} missing`);
  }
  return out;
}

export function writeMeshAnnotations(sourcePath: string, outPath: string): void {
  const data = {
    source: '@vladmandic/human 3.3.6 src/face/facemeshcoords.ts (MIT), MediaPipe face mesh topology (Apache-2.0)',
    annotations: extractMeshAnnotations(sourcePath),
  };
  writeFileSync(outPath, JSON.stringify(data) + '\n');
}
