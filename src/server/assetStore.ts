// Content-addressed asset files under the data folder: DIR/assets/ab/abcdef… named by their SHA-256.
// An upload is refused unless its bytes hash to the name it is sent under, so a file on disk is always what
// its name says; a download is checked again on the way out (a disk can rot).
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const MAX_ASSET_BYTES = 2 * 1024 ** 3;

export class AssetStore {
  constructor(private readonly root: string) {}

  private pathOf(hash: string): string {
    if (!SHA256_HEX.test(hash)) throw new Error(`"${hash}" is not a lower-case hex SHA-256`);
    return join(this.root, 'assets', hash.slice(0, 2), hash);
  }

  async has(hash: string): Promise<boolean> {
    try {
      await stat(this.pathOf(hash));
      return true;
    } catch {
      return false;
    }
  }

  /** Stores bytes under their hash. Returns false (and stores nothing) when the bytes do not hash to `hash`. */
  async put(hash: string, bytes: Uint8Array): Promise<{ ok: true; created: boolean } | { ok: false; actual: string }> {
    const path = this.pathOf(hash);
    const actual = createHash('sha256').update(bytes).digest('hex');
    if (actual !== hash) return { ok: false, actual };
    if (await this.has(hash)) return { ok: true, created: false };
    await mkdir(join(path, '..'), { recursive: true });
    // write aside then rename: a crash never leaves a half file under a valid name
    const tmp = `${path}.${randomBytes(6).toString('hex')}.part`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return { ok: true, created: true };
  }

  /** The bytes, or null when missing; 'corrupt' when the stored file no longer hashes to its name. */
  async get(hash: string): Promise<Uint8Array | null | 'corrupt'> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.pathOf(hash));
    } catch {
      return null;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== hash) return 'corrupt';
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async remove(hash: string): Promise<void> {
    await unlink(this.pathOf(hash)).catch(() => undefined);
  }
}
