// Launching the system Chromium (never a downloaded browser) with the flags that give WebGL2 and
// WebGPU on SwiftShader here (see shared/CHROMIUM.md). Each launch gets a fresh profile.
import { chromium, type BrowserContext } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const BASE_FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export const GPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=vulkan',
  '--enable-unsafe-swiftshader',
  '--disable-accelerated-2d-canvas',
];

/**
 * Service workers are blocked unless a test asks for them: the app's worker precaches ~60 MB (wasm, models)
 * on a first visit, which every other test would pay for on a fresh profile.
 */
export async function launchChromium(extraFlags: string[] = [], viewport = { width: 1280, height: 800 }, serviceWorkers: 'allow' | 'block' = 'block') {
  const profile = await mkdtemp(join(tmpdir(), 'previs-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...GPU_FLAGS, ...extraFlags],
    env: { ...process.env, VK_ICD_FILENAMES: '/usr/lib/chromium/vk_swiftshader_icd.json' },
    viewport,
    acceptDownloads: true,
    serviceWorkers,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}
