import { loadModule } from 'libpg-query';
import { setFlagsFromString } from 'node:v8';

let loading: Promise<void> | undefined;

/**
 * V8 tiers hot WebAssembly functions up from its baseline compiler (Liftoff) to TurboFan.
 * The grammar's parser is one ~100 KB function: TurboFan takes 0.5-0.8 s and ~600 MB of
 * memory to optimise it (Node 24), and the process waits for that compile before it exits,
 * while the baseline code already parses a 500-file pull request in tens of milliseconds.
 * Restricting tier-up to a function index that does not exist keeps every function on
 * Liftoff. The flag is read when the module compiles, so it is set just before loading.
 */
function keepWasmOnBaselineTier(): void {
  setFlagsFromString('--wasm-tier-up-filter=2147483647');
}

/** Loads the PostgreSQL grammar (WebAssembly) once; the pure core then parses synchronously. */
export function loadParsers(): Promise<void> {
  if (loading === undefined) {
    keepWasmOnBaselineTier();
    loading = loadModule();
  }
  return loading;
}
