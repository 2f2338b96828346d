import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleLicences, licenceNotices } from './tools/licenceNotices';
import { cspPlugin } from './tools/cspPlugin';

// Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer).
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), cspPlugin(), bundleLicences(), licenceNotices('models')],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [bundleLicences()] },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  assetsInclude: ['**/*.onnx'],
});
