import type { Extractor } from './types.js';

/** Commands in scripts, Makefiles, Dockerfiles, workflow run: steps, package.json scripts and heredocs. */
export const commandExtractors: Extractor[] = [];
