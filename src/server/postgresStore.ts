// PostgreSQL back-end of the document store (--postgres URL). Same shape as the SQLite one; the table name
// carries an optional prefix so a test can use, and drop, a table of its own in a shared database.
import pg from 'pg';
import type { DocumentStore } from './documentStore';

const TABLE_PREFIX = /^[a-z][a-z0-9_]{0,40}$/;

export async function openPostgresStore(url: string, tablePrefix = 'previs'): Promise<DocumentStore & { dropTable(): Promise<void> }> {
  if (!TABLE_PREFIX.test(tablePrefix)) throw new Error(`table prefix "${tablePrefix}" must be lower-case letters, digits and _`);
  const table = `${tablePrefix}_documents`;
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // fail at start-up with the server's own message rather than at the first client
  await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (
    name TEXT PRIMARY KEY,
    state BYTEA NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  return {
    kind: 'postgres',
    async fetch(name) {
      const r = await pool.query<{ state: Buffer }>(`SELECT state FROM ${table} WHERE name = $1`, [name]);
      return r.rows[0] ? new Uint8Array(r.rows[0].state) : null;
    },
    async store(name, state) {
      await pool.query(
        `INSERT INTO ${table} (name, state, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
        [name, Buffer.from(state)],
      );
    },
    async names() {
      const r = await pool.query<{ name: string }>(`SELECT name FROM ${table} ORDER BY name`);
      return r.rows.map((x) => x.name);
    },
    async dropTable() {
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
    },
    async close() {
      await pool.end();
    },
  };
}
