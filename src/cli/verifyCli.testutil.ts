// Runs the real `previs-verify` entry point as a child process, as a pipeline would.
import { execFileSync } from 'node:child_process';

export function runVerifyCli(...args: string[]): { code: number; out: string } {
  try {
    const out = execFileSync(process.execPath, ['bin/previs-verify.mjs', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { code: err.status, out: err.stdout + err.stderr };
  }
}
