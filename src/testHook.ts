// window.__previs: the stores and a few entry points, for the e2e tests and the headless export CLI.
// It exposes nothing the UI cannot do; it just saves the tests from clicking through menus.
import { projectStore } from './store/projectStore';
import { editorStore } from './store/editorStore';
import { playhead } from './store/playhead';
import { frameStats } from './viewport/frameStats';
import { appReady } from './startup';

const hook: Record<string, unknown> = {};

export function registerTestHook(name: string, value: unknown): void {
  hook[name] = value;
}

export function installTestHook(): void {
  Object.assign(hook, { projectStore, editorStore, playhead, frameStats, ready: appReady });
  (globalThis as unknown as { __previs: Record<string, unknown> }).__previs = hook;
}
