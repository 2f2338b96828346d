// COSE_Sign1 for a C2PA claim (C2PA 2.x §15.7, RFC 9052 §4.2): ES256 over the detached claim, the signer's
// X.509 chain in the protected header (x5chain, label 33), and an unprotected "pad" that makes the structure
// exactly the size c2pa-rs reserved for the signature box. c2pa-wasm hands the whole COSE step to the signer
// (direct COSE handling), so this is the signature the manifest carries.
import { CborMap, CborTag, encodeCbor } from './cbor';

const COSE_SIGN1_TAG = 18;
const HDR_ALG = 1;
const HDR_X5CHAIN = 33;
const ALG_ES256 = -7;

export interface CoseSigner {
  /** end-entity certificate first, then intermediates (never the root) — DER */
  chain: readonly Uint8Array[];
  /** ECDSA P-256 private key; WebCrypto returns r‖s (P1363), which is what COSE wants */
  privateKey: CryptoKey;
}

/** Bytes to reserve for the signature box: the chain plus room for headers, signature and padding. */
export function coseReserveSize(chain: readonly Uint8Array[]): number {
  return chain.reduce((n, c) => n + c.length + 4, 0) + 512;
}

export async function coseSign1(claim: Uint8Array, signer: CoseSigner, reserveSize: number): Promise<Uint8Array> {
  const first = signer.chain[0];
  if (!first) throw new Error('C2PA signer has no certificate');
  const x5chain = signer.chain.length === 1 ? first : [...signer.chain];
  const protectedHdr = encodeCbor(new CborMap([[HDR_ALG, ALG_ES256], [HDR_X5CHAIN, x5chain]]));
  // Sig_structure: ["Signature1", body_protected, external_aad, payload]
  const tbs = encodeCbor(['Signature1', protectedHdr, new Uint8Array(0), claim]);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, signer.privateKey, tbs as Uint8Array<ArrayBuffer>));
  const build = (pad: number) => encodeCbor(new CborTag(COSE_SIGN1_TAG, [protectedHdr, new CborMap([['pad', new Uint8Array(pad)]]), null, signature]));
  // the pad's own length prefix grows at 24/256/65536 bytes, so converge in a few steps
  let pad = Math.max(0, reserveSize - build(0).length);
  for (let i = 0; i < 4; i++) {
    const n = build(pad).length;
    if (n === reserveSize) return build(pad);
    pad = Math.max(0, pad - (n - reserveSize));
  }
  const out = build(pad);
  if (out.length !== reserveSize) throw new Error(`COSE signature is ${out.length} bytes, ${reserveSize} were reserved`);
  return out;
}
