import type { GitHub } from './client.js';
import { call, isStatus, OPS } from './errors.js';
import type { RepoRef } from './pull.js';

/**
 * The config text at `ref` (the base branch), or null when the file does not exist there.
 * Read from the base, never the head, so a pull request cannot weaken its own gate.
 */
export async function readConfigText(gh: GitHub, repo: RepoRef, path: string, ref: string): Promise<string | null> {
  try {
    const { data } = await gh.rest.repos.getContent({ ...repo, path, ref });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) throw new Error(`${path} at ${ref} is not a file`);
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (isStatus(error, 404)) return null;
    return call(OPS.readConfig, () => Promise.reject(error));
  }
}
