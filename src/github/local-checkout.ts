import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gitChangeSet } from '../changes/git.js';
import type { ChangeSet } from '../changes/model.js';

/**
 * The change read from a local clone, when the workflow provides one holding both commits
 * (fetch-depth: 0). Used when the API cannot give everything: more than 3,000 files, or
 * diffs GitHub will not show. Only git objects are read; nothing from the PR is executed.
 */
export function localChangeSet(workspace: string | null, baseSha: string, headSha: string): ChangeSet | null {
  if (!workspace || !existsSync(join(workspace, '.git'))) return null;
  const mergeBase = spawnSync('git', ['merge-base', baseSha, headSha], { cwd: workspace, encoding: 'utf8' });
  const base = mergeBase.status === 0 ? mergeBase.stdout.trim() : '';
  if (!/^[0-9a-f]{40}$/.test(base)) return null;
  try {
    return gitChangeSet(workspace, base, headSha);
  } catch {
    return null;
  }
}
