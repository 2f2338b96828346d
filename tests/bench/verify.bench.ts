// Verify throughput on a large MP4 against `sha256sum` of the same file (goal: verify ≤ 1.5× the time of
// hashing it once). The file is a real H.264 MP4 (ffmpeg, stream-copied back to back to a few hundred MB)
// sealed with a signed disclosure bundle, so verification walks real boxes and checks a real chain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportGate } from '../../src/core/disclosure/gate';
import { sealExport } from '../../src/core/export/bindExport';
import { buildTestProject } from '../../src/core/export/bindProject.testutil';
import { useNodeHashing, verifyPath } from '../../src/cli/verify';
import type { BenchContext, BenchRow } from './types';

function bigMp4(dir: string, repeats: number): string {
  const clip = join(dir, 'clip.mp4');
  const big = join(dir, 'big.mp4');
  execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=24', '-frames:v', '48',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '60M', '-minrate', '60M', '-maxrate', '60M', '-bufsize', '60M', '-pix_fmt', 'yuv420p', clip]);
  execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-stream_loop', String(repeats - 1), '-i', clip, '-c', 'copy', '-movflags', '+faststart', big]);
  return big;
}

export default async function verifyBench(ctx: BenchContext): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'previs-verify-bench-'));
  try {
    const raw = bigMp4(dir, ctx.quick ? 10 : 40);
    const tp = await buildTestProject({ approved: true });
    const sealed = await sealExport({ project: tp.project, gate: await exportGate(tp.project, 'deliverable'), bytes: new Uint8Array(readFileSync(raw)), fileName: 'big.mp4', signer: tp.artist, software: 'bench' });
    const file = join(dir, 'sealed.mp4');
    writeFileSync(file, sealed.bytes);
    const mb = statSync(file).size / 1e6;
    const n = ctx.quick ? 3 : 5;
    // warm the page cache so both sides read from memory
    execFileSync('/usr/bin/sha256sum', [file]);
    const shaMs = await ctx.median(() => execFileSync('/usr/bin/sha256sum', [file]), n);
    useNodeHashing(); // what the CLI does
    const verifyMs = await ctx.median(async () => {
      const v = await verifyPath(file, {});
      if (!v.ok) throw new Error(`bench file failed verification: ${v.problems.join('; ')}`);
    }, n);
    const cliMs = await ctx.median(() => {
      try {
        execFileSync(process.execPath, ['bin/previs-verify.mjs', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        const x = e as { status: number; stdout: string; stderr: string };
        throw new Error(`previs-verify exited ${x.status}: ${x.stdout}\n${x.stderr}`);
      }
    }, ctx.quick ? 1 : 3);
    return [
      { variant: 'sha256sum', metric: 'wall', value: shaMs, unit: 'ms', ratio: 1, note: `${mb.toFixed(0)} MB, ${(mb / (shaMs / 1000)).toFixed(0)} MB/s` },
      { variant: 'verify (read + hash + chain, in process)', metric: 'wall', value: verifyMs, unit: 'ms', ratio: verifyMs / shaMs, goal: '≤ 1.5×', note: `${(mb / (verifyMs / 1000)).toFixed(0)} MB/s` },
      { variant: 'previs-verify CLI (incl. Node/tsx start)', metric: 'wall', value: cliMs, unit: 'ms', ratio: cliMs / shaMs },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
