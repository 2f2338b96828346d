// Reading a project file off the main thread: a 100,000-key track or a hostile bundle is parsed, checked and
// dry-evaluated here while the page keeps drawing; only an admitted project (or the refusal) comes back.
import { readProjectFile } from '../core/projectFile';

self.onmessage = async (e: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const r = await readProjectFile(e.data.name, e.data.bytes);
  (self as unknown as Worker).postMessage(r);
};
