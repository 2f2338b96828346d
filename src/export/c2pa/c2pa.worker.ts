// Signs C2PA manifests off the page: c2pa-rs hashes the whole file, which for a long animatic takes seconds.
// The person's CryptoKey arrives by structured clone (it stays non-extractable); bytes travel transferred.
import c2paWasmUrl from '@contentauth/c2pa-wasm/c2pa.wasm?url';
import { signC2paHere, useC2paWasm, type C2paSignRequest } from '../../core/export/c2pa/engine';

useC2paWasm(async () => c2paWasmUrl);

self.onmessage = async (e: MessageEvent<{ id: number; req: C2paSignRequest }>) => {
  const { id, req } = e.data;
  try {
    const out = await signC2paHere(req);
    (self as unknown as Worker).postMessage({ id, ok: true, bytes: out }, [out.buffer]);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, ok: false, error: String((err as Error)?.message ?? err) });
  }
};
