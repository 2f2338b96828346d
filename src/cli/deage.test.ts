// The headless de-age CLI, run as a user would (npm's script line, a child process): help, usage errors,
// a plate without a face (exit 2, nothing written), and a real face (a PNG that differs from the input
// only inside a face-sized box).
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePng, encodePng } from '../effects/plates/png';

const dir = mkdtempSync(join(tmpdir(), 'deage-cli-'));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/viteRun.ts', 'src/cli/deage.ts', ...args], { timeout: 240_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run deage', () => {
  it('answers --help and refuses bad arguments with exit 2', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--years N/);
    const bad = await cli(['in.png', '--years', '45', '--out', join(dir, 'x.png')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--years needs a number from 0 to 30/);
  }, 120_000);

  it('exits 2 with a clear message and writes nothing when the plate has no face', async () => {
    const w = 160;
    const data = new Uint8ClampedArray(w * w * 4);
    for (let i = 0; i < w * w; i++) data.set([i % w, 80, (i / w) | 0, 255], 4 * i);
    writeFileSync(join(dir, 'noface.png'), encodePng({ width: w, height: w, data }));
    const out = join(dir, 'noface-out.png');
    const r = await cli([join(dir, 'noface.png'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no face found/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('de-ages a public-domain portrait: same size, changed only inside the face', async () => {
    const out = join(dir, 'hopper.png');
    const r = await cli(['tests/fixtures/faces/grace_hopper.png', '--years', '15', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.method).toBe('procedural, no learned re-aging weights');
    const a = decodePng(new Uint8Array(readFileSync('tests/fixtures/faces/grace_hopper.png')));
    const b = decodePng(new Uint8Array(readFileSync(out)));
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    let changed = 0;
    let minX = a.width;
    let maxX = 0;
    for (let i = 0; i < a.width * a.height; i++) {
      if (a.data[4 * i] === b.data[4 * i] && a.data[4 * i + 1] === b.data[4 * i + 1] && a.data[4 * i + 2] === b.data[4 * i + 2]) continue;
      changed++;
      minX = Math.min(minX, i % a.width);
      maxX = Math.max(maxX, i % a.width);
    }
    expect(changed).toBeGreaterThan(5000);
    // the face, not the frame: the changed columns span well under the width
    expect(maxX - minX).toBeLessThan(0.6 * a.width);
  }, 240_000);
});
