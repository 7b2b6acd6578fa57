import type { FileRule } from '../types.js';

// Filled in by the production-targeting work: a dev/test/setup config pointed at a production host.
export const pointsAtProduction: FileRule | null = null;
