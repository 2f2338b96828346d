// The asset messages both ends of the project's WebSocket speak (server: src/server/assetChannel.ts, app:
// src/sync/assetChannel.ts), as Hocuspocus stateless JSON strings:
//   client → server  {asset:'has'|'get', id, hash}   {asset:'put', id, hash, part, parts, b64}
//   server → client  {asset:'reply', id, ok, status, error?, part?, parts?, b64?}

/** bytes per message part: large assets go in several parts so no message is huge */
export const ASSET_PART_BYTES = 512 * 1024;

export interface AssetRequest {
  asset: 'has' | 'get' | 'put';
  id: number;
  hash: string;
  part?: number;
  parts?: number;
  b64?: string;
}

export interface AssetReply {
  asset: 'reply';
  id: number;
  ok: boolean;
  status: number;
  error?: string;
  part?: number;
  parts?: number;
  b64?: string;
}
