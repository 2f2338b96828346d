// The studio server: Hocuspocus (Yjs over WebSocket) with the project documents in SQLite or PostgreSQL,
// optional Redis so several instances serve the same documents, assets by hash and a health route.
import { Server, type Extension } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { AssetStore } from './assetStore';
import { DOCUMENT_NAME, openSqliteStore, type DocumentStore } from './documentStore';
import { openPostgresStore } from './postgresStore';
import { handleRequest, type RouteContext } from './httpRoutes';
import { SERVER_VERSION } from './version';
import { ledgerGuard } from './ledgerGuard';
import { assetChannel } from './assetChannel';

export interface StudioServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  redisUrl?: string | null;
  /** key prefix in Redis (tests use their own) */
  redisPrefix?: string;
  postgresUrl?: string | null;
  /** table prefix in PostgreSQL (tests use their own) */
  postgresTablePrefix?: string;
  /** how long after the last change a document is written to storage */
  storeDebounceMs?: number;
  /** extra Hocuspocus extensions (studio sign-in, ledger guard) */
  extensions?: Extension[];
  routesAuth?: RouteContext['auth'];
  /** instance name in logs and /health (two instances behind Redis) */
  name?: string;
  quiet?: boolean;
}

export interface StudioServer {
  server: Server;
  store: DocumentStore;
  assets: AssetStore;
  port: number;
  wsUrl: string;
  httpUrl: string;
  close(): Promise<void>;
}

function redisOptions(url: string): { host: string; port: number; options: Record<string, unknown> } {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`--redis wants a redis:// URL, not ${u.protocol}`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`--redis database "${u.pathname.slice(1)}" is not a number`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    options: { db, password: u.password || undefined, username: u.username || undefined, maxRetriesPerRequest: 3 },
  };
}

export async function startStudioServer(o: StudioServerOptions): Promise<StudioServer> {
  const store = o.postgresUrl ? await openPostgresStore(o.postgresUrl, o.postgresTablePrefix) : openSqliteStore(o.dataDir);
  const assets = new AssetStore(o.dataDir);
  const extensions: Extension[] = [
    // refuse names that are not project ids before any storage or Redis key is made from them
    {
      async onConnect({ documentName }) {
        if (!DOCUMENT_NAME.test(documentName)) throw new Error(`"${documentName.slice(0, 64)}" is not a project id`);
      },
    },
    ...(o.extensions ?? []),
    // append-only ledger and, with studio sign-in, who may append what
    ledgerGuard(),
    // assets by hash over the project's WebSocket (the app's only connection to the server)
    assetChannel(assets),
    new Database({
      fetch: ({ documentName }) => store.fetch(documentName),
      store: ({ documentName, state }) => store.store(documentName, state),
    }),
  ];
  if (o.redisUrl) {
    const r = redisOptions(o.redisUrl);
    extensions.push(new Redis({ ...r, prefix: o.redisPrefix ?? 'previs', identifier: o.name ?? undefined }));
  }
  let server!: Server;
  const ctx: RouteContext = {
    health: {
      version: SERVER_VERSION,
      documentsOpen: () => server.hocuspocus.getDocumentsCount(),
      clientsConnected: () => server.hocuspocus.getConnectionsCount(),
      storage: store.kind,
      redis: Boolean(o.redisUrl),
      auth: Boolean(o.routesAuth),
    },
    assets,
    auth: o.routesAuth ?? null,
  };
  extensions.push({
    priority: 1000,
    async onRequest({ request, response }) {
      // throwing null tells Hocuspocus the request was answered
      if (await handleRequest(ctx, request, response)) throw null;
    },
  });
  server = new Server({
    name: o.name ?? null,
    port: o.port,
    address: o.host ?? '127.0.0.1',
    quiet: o.quiet ?? true,
    stopOnSignals: false,
    debounce: o.storeDebounceMs ?? 500,
    maxDebounce: 4 * (o.storeDebounceMs ?? 500),
    extensions,
  });
  try {
    await server.listen();
  } catch (e) {
    await store.close();
    throw e;
  }
  const port = server.address.port;
  const host = o.host ?? '127.0.0.1';
  return {
    server,
    store,
    assets,
    port,
    wsUrl: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    async close() {
      // destroy writes every open document before it lets go of them; it leaves the sockets themselves
      // open (ws does not close its clients), so end them as a stopping process would
      await server.destroy();
      for (const ws of server.webSocketServer.clients) ws.terminate();
      server.httpServer.closeAllConnections();
      await store.close();
    },
  };
}
