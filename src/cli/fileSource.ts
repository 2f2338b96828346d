// Reading an export for verification without pulling a multi-GB movie through memory: an MP4's box headers,
// movie header and metadata boxes are read into a buffer the size of the file (pages never written are never
// committed), while each large mdat is hashed by streaming it from disk — as fast as `sha256sum` reads it.
import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { isMp4 } from '../core/export/mp4Boxes';
import { useRangeHasher } from '../core/export/bindParts';

const STREAM_OVER = 16 * 1024 * 1024;
const CHUNK = 8 * 1024 * 1024;

export interface LoadedFile {
  bytes: Uint8Array;
  /** call when done with the file */
  close(): Promise<void>;
}

export async function loadForVerify(path: string): Promise<LoadedFile> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  const head = new Uint8Array(Math.min(size, 16));
  await fh.read(head, 0, head.length, 0);
  if (size < STREAM_OVER * 2 || !isMp4(head)) {
    await fh.close();
    return { bytes: new Uint8Array(await readFile(path)), close: async () => {} };
  }
  const bytes = Buffer.allocUnsafe(size);
  const unread: { start: number; end: number }[] = [];
  const readInto = async (start: number, length: number) => {
    for (let o = 0; o < length; ) {
      const { bytesRead } = await fh.read(bytes, start + o, Math.min(CHUNK, length - o), start + o);
      if (bytesRead === 0) throw new Error(`${path}: unexpected end of file`);
      o += bytesRead;
    }
  };
  // walk the top-level boxes by their headers; a malformed header stops the walk and the rest is read whole,
  // so the verifier's own parser reports the fault
  let pos = 0;
  while (pos < size) {
    const n = Math.min(16, size - pos);
    await readInto(pos, n);
    const v = new DataView(bytes.buffer, bytes.byteOffset + pos, n);
    let box = n >= 8 ? v.getUint32(0) : 0;
    if (n >= 16 && box === 1) box = Number(v.getBigUint64(8));
    if (box === 0) box = size - pos;
    if (n < 8 || box < 8 || pos + box > size) {
      await readInto(pos, size - pos);
      break;
    }
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    if (type === 'mdat' && box > STREAM_OVER) unread.push({ start: pos + 16, end: pos + box });
    else await readInto(pos, box);
    pos += box;
  }
  const chunk = Buffer.allocUnsafe(CHUNK);
  useRangeHasher((start, length) => {
    const end = start + length;
    if (!unread.some((u) => start < u.end && end > u.start)) return null;
    return (async () => {
      const h = createHash('sha256');
      for (let o = start; o < end; ) {
        const { bytesRead } = await fh.read(chunk, 0, Math.min(CHUNK, end - o), o);
        if (bytesRead === 0) throw new Error(`${path}: unexpected end of file`);
        h.update(chunk.subarray(0, bytesRead));
        o += bytesRead;
      }
      return h.digest('hex');
    })();
  });
  return {
    bytes,
    async close() {
      useRangeHasher(null);
      await fh.close();
    },
  };
}
