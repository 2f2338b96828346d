// Standard base64 for bytes that cross a text boundary (a page and its driver, a stateless socket message).
// btoa/atob exist in browsers, workers and Node 20 alike.

export function toB64(bytes: Uint8Array): string {
  let bin = '';
  // in slices: spreading a whole large array into fromCharCode overflows the call stack
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromB64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
