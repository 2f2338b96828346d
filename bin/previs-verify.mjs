#!/usr/bin/env node
// `npx previs-verify FILE…`: runs the TypeScript verifier through tsx's loader (no build step needed).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/verify.ts');
process.exit(await main(process.argv.slice(2)));
