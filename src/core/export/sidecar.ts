// Sidecar `<file>.disclosure.json`: the same signed envelope, bound to the whole finished file by its SHA-256.
// Formats that cannot carry a bundle (the HTML review report) are covered this way, and a file whose embedded
// bundle was stripped by some tool can still be checked against its sidecar.
import { signBundle, type DisclosureBundle } from '../disclosure/bundle';
import { concatBytes, sha256Hex, utf8 } from './bindBytes';
import { BINDING_TYPE, type Binding, type EmbedInput } from './bindEnvelope';

export const SIDECAR_TYPE = 'previs-sandbox/disclosure-sidecar';

export interface Sidecar {
  type: typeof SIDECAR_TYPE;
  /** the file this sidecar describes, next to it on disk */
  file: { name: string; length: number; sha256: string };
  bundle: DisclosureBundle;
}

export async function buildSidecar(input: EmbedInput): Promise<Sidecar> {
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
    summary: input.summary,
  };
  const bundle = await signBundle({ ...input.bundle, binding }, input.signer);
  return { type: SIDECAR_TYPE, file: { name: input.fileName, length: input.bytes.length, sha256: hash }, bundle };
}

export function sidecarName(fileName: string): string {
  return `${fileName}.disclosure.json`;
}

export function encodeSidecar(s: Sidecar): Uint8Array {
  return concatBytes([utf8(JSON.stringify(s, null, 2)), utf8('\n')]);
}
