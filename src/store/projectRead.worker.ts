// Reading a project file off the main thread: a 100,000-key track or a hostile bundle is parsed, checked and
// dry-evaluated here while the page keeps drawing; only an admitted project (or the refusal) comes back.
import { readProjectFile } from '../core/projectFile';

import { serializeProject } from '../core/document';
import { storedText } from './storedText';

// The admitted project goes back as its canonical text: one string copies in a blink, where a structured clone of
// 100,000 key objects would hold the page for seconds; the page parses it (plain JSON, already checked). A big
// text also comes as the Blob that browser storage keeps (made here, it costs the page nothing).
self.onmessage = async (e: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const r = await readProjectFile(e.data.name, e.data.bytes);
  if (!r.ok) (self as unknown as Worker).postMessage(r);
  else {
    const text = serializeProject(r.project);
    const stored = storedText(text);
    (self as unknown as Worker).postMessage({ ok: true, text, stored, assets: r.assets });
  }
};
