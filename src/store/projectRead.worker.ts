// Reading a project file off the main thread: a 100,000-key track or a hostile bundle is parsed, checked and
// dry-evaluated here while the page keeps drawing; only an admitted project (or the refusal) comes back.
import { readProjectFile } from '../core/projectFile';

import { serializeProject } from '../core/document';
import { storedText } from './storedText';

// The admitted project goes back as text: one string copies in a blink, where a structured clone of 100,000 key
// objects would hold the page for seconds. The page parses the compact JSON (already checked; without the
// canonical file's indentation it is under half the size, and parses that much faster); what browser storage
// keeps is the canonical text, as a Blob when big (made here, it costs the page nothing).
self.onmessage = async (e: MessageEvent<{ name: string; bytes: Uint8Array }>) => {
  const r = await readProjectFile(e.data.name, e.data.bytes);
  if (!r.ok) (self as unknown as Worker).postMessage(r);
  else {
    const stored = storedText(serializeProject(r.project));
    (self as unknown as Worker).postMessage({ ok: true, text: JSON.stringify(r.project), stored, assets: r.assets });
  }
};
