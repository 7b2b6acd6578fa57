import type { DbOperation } from '../operations.js';

/** Turns one file's text into database operations. Pure; `path` lets it pick a dialect or section rules. */
export interface Extractor {
  /** `sql`, `rails`, `django`, `shell`...: also the DbOperation.source it reports. */
  name: string;
  appliesTo(path: string): boolean;
  extract(text: string, path: string): DbOperation[];
}
