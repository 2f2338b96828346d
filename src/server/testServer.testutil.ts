// Helpers for tests that run real studio servers and clients in Node.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { StoreApi } from 'zustand/vanilla';
import { connectStudio, type ConnectOptions } from '../sync/studioConnection';
import type { ProjectState } from '../store/projectStore';

export function tempDir(prefix = 'previs-server-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Waits for a condition, polling; fails with `what` after `timeoutMs`. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function nodeClient(url: string, store: StoreApi<ProjectState>, extra: Partial<ConnectOptions> = {}) {
  return connectStudio({ url, store, WebSocketPolyfill: WebSocket, timeoutMs: 10000, ...extra });
}
