// Assets by hash over the project's WebSocket (Hocuspocus stateless messages), so the app needs no plain-HTTP
// connection to the server (its Content-Security-Policy allows ws:/wss: only). The messages: sync/assetProtocol.ts.
// A connection only exists after sign-in (Hocuspocus holds every message until onAuthenticate passes), so on a
// server with a studio root only members reach this. Uploads are checked against their hash before storing.
import type { Extension, onStatelessPayload } from '@hocuspocus/server';
import { AssetStore, MAX_ASSET_BYTES, SHA256_HEX } from './assetStore';
import { ASSET_PART_BYTES, type AssetReply, type AssetRequest } from '../sync/assetProtocol';

/** uploads one connection may have open at once */
const MAX_OPEN_UPLOADS = 8;

export function parseAssetRequest(payload: string): AssetRequest | null {
  if (!payload.startsWith('{"asset":')) return null;
  try {
    const m = JSON.parse(payload) as AssetRequest;
    return (m.asset === 'has' || m.asset === 'get' || m.asset === 'put') && Number.isSafeInteger(m.id) && typeof m.hash === 'string' ? m : null;
  } catch {
    return null;
  }
}

export function assetChannel(assets: AssetStore): Extension {
  // open uploads per connection: id → parts received so far
  const uploads = new WeakMap<object, Map<number, { hash: string; parts: number; chunks: Buffer[]; bytes: number }>>();
  return {
    async onStateless({ payload, connection }: onStatelessPayload) {
      const m = parseAssetRequest(payload);
      if (!m) return;
      const reply = (r: Omit<AssetReply, 'asset' | 'id'>) => connection.sendStateless(JSON.stringify({ asset: 'reply', id: m.id, ...r } satisfies AssetReply));
      if (!SHA256_HEX.test(m.hash)) return reply({ ok: false, status: 400, error: `"${m.hash.slice(0, 80)}" is not a lower-case hex SHA-256` });
      if (m.asset === 'has') {
        const has = await assets.has(m.hash);
        return reply({ ok: has, status: has ? 200 : 404 });
      }
      if (m.asset === 'get') {
        const bytes = await assets.get(m.hash);
        if (bytes === null) return reply({ ok: false, status: 404, error: `missing on the studio server` });
        if (bytes === 'corrupt') return reply({ ok: false, status: 500, error: `damaged on the server's disk (its bytes no longer match their hash)` });
        const parts = Math.max(1, Math.ceil(bytes.byteLength / ASSET_PART_BYTES));
        for (let part = 0; part < parts; part++) {
          const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + part * ASSET_PART_BYTES, Math.min(ASSET_PART_BYTES, bytes.byteLength - part * ASSET_PART_BYTES));
          reply({ ok: true, status: 200, part, parts, b64: chunk.toString('base64') });
        }
        return;
      }
      // put, in parts
      let open = uploads.get(connection);
      if (!open) uploads.set(connection, (open = new Map()));
      const parts = m.parts ?? 1;
      let u = open.get(m.id);
      if (!u) {
        if (open.size >= MAX_OPEN_UPLOADS) return reply({ ok: false, status: 429, error: `more than ${MAX_OPEN_UPLOADS} uploads at once` });
        if (!Number.isSafeInteger(parts) || parts < 1 || parts > Math.ceil(MAX_ASSET_BYTES / ASSET_PART_BYTES)) return reply({ ok: false, status: 413, error: `assets over ${MAX_ASSET_BYTES} bytes are refused` });
        open.set(m.id, (u = { hash: m.hash, parts, chunks: [], bytes: 0 }));
      }
      const chunk = Buffer.from(m.b64 ?? '', 'base64');
      if (m.part !== u.chunks.length || u.hash !== m.hash || chunk.length > ASSET_PART_BYTES || u.bytes + chunk.length > MAX_ASSET_BYTES) {
        open.delete(m.id);
        return reply({ ok: false, status: 400, error: 'upload parts out of order or too large: nothing stored' });
      }
      u.chunks.push(chunk);
      u.bytes += chunk.length;
      if (u.chunks.length < u.parts) return;
      open.delete(m.id);
      const r = await assets.put(m.hash, new Uint8Array(Buffer.concat(u.chunks)));
      if (!r.ok) return reply({ ok: false, status: 422, error: `the bytes hash to ${r.actual}, not ${m.hash}: nothing stored` });
      return reply({ ok: true, status: r.created ? 201 : 200 });
    },
  };
}
