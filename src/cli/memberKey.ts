// The passphrase and encrypted PKCS#8 keys that the studio CLI writes and the headless export reads: one place,
// so both accept the same sources (--passphrase-file or STUDIO_PASSPHRASE, never an argument).
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The passphrase from a file (trailing newline dropped) or STUDIO_PASSPHRASE; null when neither is given. */
export async function readPassphrase(file: string | null | undefined): Promise<string | null> {
  const p = file ? (await readFile(file, 'utf8')).replace(/\r?\n$/, '') : process.env.STUDIO_PASSPHRASE;
  return p || null;
}

/** DER PKCS#8 of an encrypted PEM key, or one sentence saying it cannot be opened. */
export function decryptPkcs8(pem: string, passphrase: string): Buffer {
  try {
    return createPrivateKey({ key: pem, format: 'pem', passphrase }).export({ format: 'der', type: 'pkcs8' }) as Buffer;
  } catch {
    throw new Error('the key cannot be opened: wrong passphrase, or not an encrypted PKCS#8 key');
  }
}
