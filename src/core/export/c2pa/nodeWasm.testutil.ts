// Tests load the c2pa-rs WebAssembly from node_modules, as the CLI does.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { useC2paWasm } from './engine';

export function useNodeC2pa(): void {
  const path = createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
  useC2paWasm(async () => readFileSync(path));
}
