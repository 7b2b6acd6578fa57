import { loadModule } from 'libpg-query';

let loading: Promise<void> | undefined;

/** Loads the PostgreSQL grammar (WebAssembly) once; the pure core then parses synchronously. */
export function loadParsers(): Promise<void> {
  loading ??= loadModule();
  return loading;
}
