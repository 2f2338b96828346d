// Runs a TypeScript entry point through Vite's module runner, so Node CLIs can use the app's own modules
// (the model registry is an import.meta.glob, ORT's files are ?url imports) without a second code path.
// Usage: node --import tsx src/cli/viteRun.ts ENTRY.ts [args…]; the entry reads process.argv.slice(2) as usual.
import { resolve } from 'node:path';
import { createServer, createServerModuleRunner } from 'vite';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: viteRun ENTRY.ts [args…]');
  process.exit(2);
}
process.argv = [process.argv[0]!, resolve(entry), ...rest];
const server = await createServer({
  configFile: false,
  root: process.cwd(),
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
  assetsInclude: ['**/*.onnx'],
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
try {
  await runner.import(resolve(entry));
} finally {
  await runner.close();
  await server.close();
}
