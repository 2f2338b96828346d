// Which WebGL implementation is this? Software rasterisers (SwiftShader, llvmpipe) pay for every
// fragment on the CPU, so the viewport turns MSAA off there and says so in the status bar.
export interface GlInfo {
  renderer: string;
  software: boolean;
}

let cached: GlInfo | null = null;

export function probeGl(): GlInfo {
  if (cached) return cached;
  let renderer = 'unknown';
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    /* no WebGL2: the Canvas will report the failure itself */
  }
  cached = { renderer, software: /swiftshader|llvmpipe|softpipe|software/i.test(renderer) };
  return cached;
}
