// The app's side of assets over the project's WebSocket (server: src/server/assetChannel.ts): requests go out
// as Hocuspocus stateless messages on the open project's provider and their replies are matched by id.
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type { AssetTransport } from './assetSync';
import { ASSET_PART_BYTES, type AssetReply as Reply } from './assetProtocol';
import { fromB64, toB64 } from '../core/util/base64';

export function socketAssets(provider: HocuspocusProvider, timeoutMs = 60_000): AssetTransport & { close(): void } {
  let next = 1;
  const waiting = new Map<number, (r: Reply) => void>();
  const onStateless = ({ payload }: { payload: string }) => {
    if (!payload.startsWith('{"asset":"reply"')) return;
    let r: Reply;
    try {
      r = JSON.parse(payload) as Reply;
    } catch {
      return;
    }
    waiting.get(r.id)?.(r);
  };
  provider.on('stateless', onStateless);

  /** Sends a request and collects its replies until the last part (or a refusal) arrives. */
  function ask(send: (id: number) => void): Promise<Reply[]> {
    const id = next++;
    return new Promise((resolve, reject) => {
      const got: Reply[] = [];
      let timer = setTimeout(fail, timeoutMs);
      function fail() {
        waiting.delete(id);
        reject(new Error(`no answer from the studio server within ${timeoutMs / 1000} s`));
      }
      waiting.set(id, (r) => {
        clearTimeout(timer);
        timer = setTimeout(fail, timeoutMs);
        got.push(r);
        if (!r.ok || r.parts === undefined || got.length === r.parts) {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(got);
        }
      });
      send(id);
    });
  }
  // `asset` first: the server recognises its messages by their opening
  const msg = (o: { asset: string } & Record<string, unknown>) => provider.sendStateless(JSON.stringify(o));

  return {
    async has(hash) {
      const [r] = await ask((id) => msg({ asset: 'has', id, hash }));
      return Boolean(r?.ok);
    },
    async put(hash, bytes) {
      const parts = Math.max(1, Math.ceil(bytes.byteLength / ASSET_PART_BYTES));
      const replies = await ask((id) => {
        for (let part = 0; part < parts; part++) msg({ asset: 'put', id, hash, part, parts, b64: toB64(bytes.subarray(part * ASSET_PART_BYTES, (part + 1) * ASSET_PART_BYTES)) });
      });
      const r = replies[0]!;
      return r.ok ? { ok: true } : { ok: false, problem: `the server refused it (${r.status} ${r.error ?? ''})` };
    },
    async get(hash) {
      const replies = await ask((id) => msg({ asset: 'get', id, hash }));
      const first = replies[0]!;
      if (!first.ok) return { bytes: null, problem: first.error ?? `missing on the studio server (${first.status})` };
      const chunks = replies.sort((a, b) => (a.part ?? 0) - (b.part ?? 0)).map((r) => fromB64(r.b64 ?? ''));
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.length;
      }
      return { bytes: out };
    },
    close() {
      provider.off('stateless', onStateless);
      for (const w of waiting.keys()) waiting.delete(w);
    },
  };
}
