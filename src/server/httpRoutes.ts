// The server's few HTTP routes beside the WebSocket: health, assets by hash, and the sign-in challenge.
// Each handler answers and returns true, or returns false to let Hocuspocus answer.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AssetStore, MAX_ASSET_BYTES, SHA256_HEX } from './assetStore';

export interface HealthSource {
  version: string;
  documentsOpen(): number;
  clientsConnected(): number;
  storage: string;
  redis: boolean;
  auth: boolean;
}

export interface RouteContext {
  health: HealthSource;
  assets: AssetStore;
  /** when studio auth is on: a fresh challenge, and whether a request carries a valid session ticket */
  auth: {
    challenge(): { nonce: string; context: string; expiresAt: string };
    /** a signed answer to a challenge → a ticket for the asset routes */
    ticket(body: unknown): Promise<{ ok: true; ticket: string; member: unknown } | { ok: false; reason: string }>;
    ticketOk(req: IncomingMessage): boolean;
  } | null;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...cors });
  res.end(JSON.stringify(body));
}

// the app may be served from another origin than the studio server (dev server, static host)
const cors = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    n += (c as Buffer).length;
    if (n > limit) return 'too-large';
    chunks.push(c as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export async function handleRequest(ctx: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://server');
  const path = url.pathname;
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors);
    res.end();
    return true;
  }
  if (path === '/health' && req.method === 'GET') {
    const h = ctx.health;
    json(res, 200, {
      ok: true,
      version: h.version,
      documentsOpen: h.documentsOpen(),
      clientsConnected: h.clientsConnected(),
      storage: h.storage,
      redis: h.redis,
      auth: h.auth,
    });
    return true;
  }
  if (path === '/auth/challenge' && req.method === 'GET') {
    if (!ctx.auth) json(res, 404, { error: 'this server runs without studio sign-in (no --studio-root)' });
    else json(res, 200, ctx.auth.challenge());
    return true;
  }
  if (path === '/auth/ticket' && req.method === 'POST') {
    if (!ctx.auth) {
      json(res, 404, { error: 'this server runs without studio sign-in (no --studio-root)' });
      return true;
    }
    const body = await readBody(req, 64 * 1024);
    let parsed: unknown = null;
    try {
      parsed = body === 'too-large' ? null : JSON.parse(new TextDecoder().decode(body));
    } catch {
      parsed = null;
    }
    const r = await ctx.auth.ticket(parsed);
    if (r.ok) json(res, 200, r);
    else json(res, 403, { error: r.reason });
    return true;
  }
  const m = /^\/assets\/([^/]+)$/.exec(path);
  if (m) {
    const hash = m[1]!;
    if (!SHA256_HEX.test(hash)) {
      json(res, 400, { error: `"${hash.slice(0, 80)}" is not a lower-case hex SHA-256` });
      return true;
    }
    if (ctx.auth && !ctx.auth.ticketOk(req)) {
      json(res, 401, { error: 'sign in as a studio member first (Authorization: Ticket …)' });
      return true;
    }
    if (req.method === 'HEAD') {
      res.writeHead((await ctx.assets.has(hash)) ? 200 : 404, cors);
      res.end();
      return true;
    }
    if (req.method === 'GET') {
      const bytes = await ctx.assets.get(hash);
      if (bytes === null) json(res, 404, { error: `asset ${hash} is not on this server` });
      else if (bytes === 'corrupt') json(res, 500, { error: `asset ${hash} is damaged on the server's disk (its bytes no longer match their hash)` });
      else {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.byteLength, ETag: `"${hash}"`, ...cors });
        res.end(bytes);
      }
      return true;
    }
    if (req.method === 'PUT') {
      const body = await readBody(req, MAX_ASSET_BYTES);
      if (body === 'too-large') {
        json(res, 413, { error: `assets over ${MAX_ASSET_BYTES} bytes are refused` });
        return true;
      }
      const r = await ctx.assets.put(hash, body);
      if (!r.ok) json(res, 422, { error: `the bytes hash to ${r.actual}, not ${hash}: nothing stored` });
      else json(res, r.created ? 201 : 200, { hash, created: r.created });
      return true;
    }
    json(res, 405, { error: `${req.method} is not allowed on an asset` });
    return true;
  }
  return false;
}
