import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { bundleLicences, licenceNotices } from './tools/licenceNotices';
import { cspPlugin } from './tools/cspPlugin';
import { VitePWA } from 'vite-plugin-pwa';
import { firstPaintSize } from './tools/firstPaint';

// Cross-origin isolation lets onnxruntime-web use WASM threads (SharedArrayBuffer).
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [
    react(),
    cspPlugin(),
    bundleLicences(),
    licenceNotices('models'),
    firstPaintSize(),
    // installable and offline: Workbox precaches the app, its WebAssembly, models and fonts on the first
    // visit; a new build waits until the user chooses to reload (src/ui/appUpdate.ts)
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Previs Sandbox',
        short_name: 'Previs',
        description: 'Block shots in 3D, rough out disclosed generative effects, export deliverables',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        background_color: '#1b1d22',
        theme_color: '#1b1d22',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,wasm,onnx,ttf,json,txt,png,previs.json}'],
        // the ONNX runtime's wasm is 28 MB, faceres 14 MB: the whole app is the point of offline
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  worker: { format: 'es', plugins: () => [bundleLicences()] },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  assetsInclude: ['**/*.onnx'],
});
