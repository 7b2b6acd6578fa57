import type { GitHub } from './client.js';
import { call, OPS } from './errors.js';
import { PER_PAGE } from './limits.js';

/**
 * Lower-case logins of a team's members (`org/team`). GITHUB_TOKEN cannot read teams: a
 * 403 or 404 here fails the evaluation with a message asking for a token with read:org.
 */
export async function listTeamMembers(gh: GitHub, team: string): Promise<string[]> {
  const [org = '', slug = ''] = team.split('/');
  const members = await call(OPS.teamMembers, () =>
    gh.paginate(gh.rest.teams.listMembersInOrg, { org, team_slug: slug, per_page: PER_PAGE }),
  );
  return members.map((m) => m.login.toLowerCase());
}
