import type { FileRule } from '../types.js';

// Filled in by the database commands work: rails db:drop, prisma migrate reset, FLUSHALL...
export const destructiveCommand: FileRule | null = null;
