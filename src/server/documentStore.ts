// Where the server keeps each project's Yjs document between sessions: one row per document holding the
// merged Yjs state (Y.encodeStateAsUpdate), replaced on every store. Two back-ends behind one shape:
// SQLite under the data folder (the embedded default, no set-up) and PostgreSQL for studios that scale out.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DocumentStore {
  readonly kind: 'sqlite' | 'postgres';
  fetch(name: string): Promise<Uint8Array | null>;
  store(name: string, state: Uint8Array): Promise<void>;
  /** names of stored documents, for tests and tools */
  names(): Promise<string[]>;
  close(): Promise<void>;
}

/** Project ids and test prefixes only: the name becomes a key in SQL and Redis, never a path. */
export const DOCUMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function openSqliteStore(dataDir: string): DocumentStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'documents.sqlite'));
  // WAL: a crash mid-write keeps the last committed state; readers never block the writer
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    updated_at TEXT NOT NULL
  )`);
  const get = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const put = db.prepare('INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at');
  const list = db.prepare<[], { name: string }>('SELECT name FROM documents ORDER BY name');
  return {
    kind: 'sqlite',
    async fetch(name) {
      const row = get.get(name);
      return row ? new Uint8Array(row.state) : null;
    },
    async store(name, state) {
      put.run(name, Buffer.from(state), new Date().toISOString());
    },
    async names() {
      return list.all().map((r) => r.name);
    },
    async close() {
      db.close();
    },
  };
}
