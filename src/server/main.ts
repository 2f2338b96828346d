// npm run server -- --port 8787 --data DIR: starts the studio server in the foreground until Ctrl+C.
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { startStudioServer } from './studioServer';
import { studioAuth } from './studioAuth';

const HELP = `Usage: npm run server -- --data DIR [options]

Starts the Previs Sandbox studio server: shared projects over WebSocket (Yjs via
Hocuspocus) at ws://HOST:PORT/, assets by SHA-256 at /assets/<hash>, and
GET /health (JSON: version, documents open, clients connected).

Options:
  --port N            TCP port (default 8787; 0 picks a free one)
  --host ADDR         address to listen on (default 127.0.0.1; 0.0.0.0 for the studio's network)
  --data DIR          folder for documents.sqlite and assets/ (created if missing; required)
  --studio-root FILE  the studio root certificate (PEM): only members it issued may connect
  --crl FILE          the studio's certificate revocation list (PEM), re-read when it changes
  --redis URL         redis://HOST:PORT: several server instances serve the same documents
  --postgres URL      postgres://…/DB: documents in PostgreSQL instead of SQLite
  --name NAME         this instance's name (logs, /health)
  -h, --help          show this help

Without --studio-root anyone who can reach the port may edit: use it only on a
trusted network or on this machine.`;

interface Args {
  port: number;
  host: string;
  data: string | null;
  studioRoot: string | null;
  crl: string | null;
  redis: string | null;
  postgres: string | null;
  name: string | null;
}

export function parseServerArgs(argv: string[]): Args | 'help' | string {
  const a: Args = { port: 8787, host: '127.0.0.1', data: null, studioRoot: null, crl: null, redis: null, postgres: null, name: null };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const val = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${x} needs a value`);
      return v;
    };
    try {
      if (x === '-h' || x === '--help') return 'help';
      else if (x === '--port') {
        const v = val();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) return `--port "${v}" is not a port number (0–65535)`;
        a.port = n;
      } else if (x === '--host') a.host = val();
      else if (x === '--data') a.data = val();
      else if (x === '--studio-root') a.studioRoot = val();
      else if (x === '--crl') a.crl = val();
      else if (x === '--redis') a.redis = val();
      else if (x === '--postgres') a.postgres = val();
      else if (x === '--name') a.name = val();
      else return `unknown option ${x}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!a.data) return '--data DIR is required (documents and assets are kept there)';
  if (a.crl && !a.studioRoot) return '--crl needs --studio-root';
  return a;
}

async function main(): Promise<void> {
  const a = parseServerArgs(process.argv.slice(2));
  if (a === 'help') {
    console.log(HELP);
    return;
  }
  if (typeof a === 'string') {
    console.error(`server: ${a}\n\n${HELP}`);
    process.exitCode = 2;
    return;
  }
  const auth = a.studioRoot ? await studioAuth({ rootPem: readFileSync(resolve(a.studioRoot), 'utf8'), crlPath: a.crl ? resolve(a.crl) : null }) : null;
  const s = await startStudioServer({
    port: a.port,
    host: a.host,
    dataDir: resolve(a.data!),
    redisUrl: a.redis,
    postgresUrl: a.postgres,
    name: a.name ?? undefined,
    extensions: auth ? auth.extensions : [],
    routesAuth: auth ? auth.routes : null,
  });
  console.log(`studio server ${a.name ?? ''} listening on ${s.wsUrl}  (health: ${s.httpUrl}/health, storage: ${s.store.kind}${a.redis ? ', redis' : ''}${auth ? ', studio sign-in' : ', NO sign-in'})`);
  const stop = async () => {
    console.log('studio server: writing open documents and stopping');
    await s.close();
    auth?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('src/server/main.ts')) {
  main().catch((e: unknown) => {
    console.error(`server: ${(e as Error)?.message ?? String(e)}`);
    process.exit(1);
  });
}
