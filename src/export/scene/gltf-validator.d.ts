// The part of Khronos' glTF-Validator (npm gltf-validator, dev dependency) the GLB export test uses.
declare module 'gltf-validator' {
  export interface ValidatorMessage {
    code: string;
    message: string;
    /** 0 error, 1 warning, 2 info, 3 hint */
    severity: number;
    pointer?: string;
    offset?: number;
  }
  export function validateBytes(
    data: Uint8Array,
    options?: { maxIssues?: number; externalResourceFunction?: (uri: string) => Promise<Uint8Array> },
  ): Promise<{ issues: { numErrors: number; numWarnings: number; messages: ValidatorMessage[] } }>;
}
