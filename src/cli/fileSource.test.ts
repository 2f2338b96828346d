// The streaming path for large MP4s must agree with the in-memory one: pass untouched, name a flipped media byte.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportGate } from '../core/disclosure/gate';
import { sealExport } from '../core/export/bindExport';
import { hasFfmpeg } from '../core/export/bindFixtures.testutil';
import { buildTestProject } from '../core/export/bindProject.testutil';
import { readMp4Boxes } from '../core/export/mp4Boxes';
import { useNodeHashing, verifyPath } from './verify';

describe.skipIf(!hasFfmpeg)('large MP4 verification (streamed mdat)', () => {
  it('passes untouched and names a flipped byte deep in the media data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'previs-stream-'));
    const clip = join(dir, 'clip.mp4');
    execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=24', '-frames:v', '24', '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', '100M', '-minrate', '100M', '-maxrate', '100M', '-bufsize', '100M', clip]);
    const big = join(dir, 'big.mp4');
    execFileSync('/usr/bin/ffmpeg', ['-v', 'error', '-stream_loop', '19', '-i', clip, '-c', 'copy', '-movflags', '+faststart', big]);
    const tp = await buildTestProject({ approved: true });
    const sealed = await sealExport({ project: tp.project, gate: await exportGate(tp.project, 'deliverable', { trust: { rootPem: tp.studio.rootPem } }), bytes: new Uint8Array(readFileSync(big)), fileName: 'big.mp4', signer: tp.artist, software: 'test' });
    const mdat = readMp4Boxes(sealed.bytes).find((b) => b.type === 'mdat')!;
    expect(mdat.size).toBeGreaterThan(32 * 1024 * 1024);
    const good = join(dir, 'good.mp4');
    writeFileSync(good, sealed.bytes);
    useNodeHashing();
    const ok = await verifyPath(good, {});
    expect(ok.problems).toEqual([]);
    const t = sealed.bytes.slice();
    const at = mdat.start + Math.floor(mdat.size * 0.7);
    t[at] = t[at]! ^ 1;
    const bad = join(dir, 'bad.mp4');
    writeFileSync(bad, t);
    const v = await verifyPath(bad, {});
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/mdat \(media data\) changed/);
  }, 120_000);
});
