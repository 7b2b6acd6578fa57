import { configTargetsExtractor } from './commands/config-targets.js';
import { dockerfileExtractor } from './commands/dockerfile.js';
import { makefileExtractor } from './commands/makefile.js';
import { mongoExtractor } from './commands/mongo.js';
import { packageJsonExtractor } from './commands/package-json.js';
import { shellExtractor } from './commands/shell.js';
import { workflowExtractor } from './commands/workflow.js';
import type { Extractor } from './types.js';

/** Commands in scripts, Makefiles, Dockerfiles, workflow run: steps, package.json scripts and heredocs. */
export const commandExtractors: Extractor[] = [
  shellExtractor,
  makefileExtractor,
  dockerfileExtractor,
  workflowExtractor,
  packageJsonExtractor,
  mongoExtractor,
  configTargetsExtractor,
];
