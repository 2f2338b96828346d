// The e2e tests serve the built app exactly as the export CLI does: localhost, a free port, COOP/COEP.
export { serveDist as serveStatic } from '../../src/cli/serveDist';
