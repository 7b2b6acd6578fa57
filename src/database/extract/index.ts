import type { DbOperation } from '../operations.js';
import { commandExtractors } from './commands.js';
import { frameworkExtractors } from './frameworks.js';
import { sqlExtractor } from './sql.js';
import type { Extractor } from './types.js';

export const extractors: readonly Extractor[] = [sqlExtractor, ...frameworkExtractors, ...commandExtractors];

export function extractorsFor(path: string): Extractor[] {
  return extractors.filter((e) => e.appliesTo(path));
}

export function extractAll(text: string, path: string): DbOperation[] {
  return extractorsFor(path).flatMap((e) => e.extract(text, path));
}
