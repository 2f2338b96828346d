// Sidecar `<file>.disclosure.json`: the same signed envelope, bound to the whole finished file by its SHA-256.
// Formats that cannot carry a bundle (the HTML review report) are covered this way, and a file whose embedded
// bundle was stripped by some tool can still be checked against its sidecar.
import { hashCanonical } from '../disclosure/crypto';
import { concatBytes, sha256Hex, utf8 } from './bindBytes';
import { BINDING_TYPE, signBinding, type Binding, type EmbedInput, type Envelope } from './bindEnvelope';

export const SIDECAR_TYPE = 'previs-sandbox/disclosure-sidecar';

export interface Sidecar {
  type: typeof SIDECAR_TYPE;
  /** the file this sidecar describes, next to it on disk */
  file: { name: string; length: number; sha256: string };
  envelope: Envelope;
}

export async function buildSidecar(input: EmbedInput): Promise<Sidecar> {
  const bundleHash = await hashCanonical(input.bundle);
  const hash = await sha256Hex(input.bytes);
  const binding: Binding = {
    type: BINDING_TYPE,
    version: 1,
    container: 'external',
    fileName: input.fileName,
    purpose: input.purpose,
    exportedAt: input.exportedAt,
    bundleAt: null,
    length: input.bytes.length,
    exclusions: [],
    parts: [{ name: 'file', what: 'the whole file', start: 0, length: input.bytes.length, sha256: hash }],
    bundleHash,
    summary: { ...input.summary, bundleHash },
  };
  const envelope = await signBinding(binding, input.bundle, input.signer);
  return { type: SIDECAR_TYPE, file: { name: input.fileName, length: input.bytes.length, sha256: hash }, envelope };
}

export function sidecarName(fileName: string): string {
  return `${fileName}.disclosure.json`;
}

export function encodeSidecar(s: Sidecar): Uint8Array {
  return concatBytes([utf8(JSON.stringify(s, null, 2)), utf8('\n')]);
}
