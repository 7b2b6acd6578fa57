import type { Permission } from '../policy/approvals.js';
import type { GitHub } from './client.js';
import { call, isStatus, OPS } from './errors.js';
import type { RepoRef } from './pull.js';

const KNOWN: readonly Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/** A reviewer's permission on the repository (`none` when they are not a collaborator). */
export async function getPermission(gh: GitHub, repo: RepoRef, login: string): Promise<Permission> {
  try {
    const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: login });
    // role_name distinguishes maintain/triage, which `permission` folds into write/read.
    const role = KNOWN.find((p) => p === data.role_name);
    return role ?? KNOWN.find((p) => p === data.permission) ?? 'none';
  } catch (error) {
    if (isStatus(error, 404)) return 'none';
    return call(OPS.permission, () => Promise.reject(error));
  }
}
