// The glTF file checks off the main thread: a 250 MiB file or a 50,000-node one is read and refused (or passed)
// here while the page keeps drawing. One job per worker; cancelling terminates it.
import { inspectModelFile, ModelFileError } from '../../core/geometry';
import type { ModelCheckRequest, ModelCheckResponse } from './modelCheckProtocol';

const post = (m: ModelCheckResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (e: MessageEvent<ModelCheckRequest>) => {
  const { bytes, name } = e.data;
  try {
    const info = inspectModelFile(bytes, name, (stage, fraction) => post({ type: 'progress', stage, fraction }));
    const { json: _json, bytes: _bytes, ...facts } = info;
    post({ type: 'done', info: facts });
  } catch (err) {
    post({ type: 'refused', message: err instanceof ModelFileError ? err.message : `${name} could not be checked: its glTF structure is not what the specification describes` });
  }
};
