import type { GitHub } from './client.js';

/** The login GitHub Actions' own token posts as. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * Logins the token comments as. A personal token can ask GET /user; an installation token
 * (GITHUB_TOKEN `ghs_…`, GitHub Apps) gets 403 there, so for those this returns the Actions
 * bot and the caller also accepts any Bot account carrying the marker.
 */
export async function ownLogins(gh: GitHub, token: string, extra: readonly string[]): Promise<string[]> {
  const logins = new Set(extra.map((l) => l.toLowerCase()));
  if (token.startsWith('ghs_')) {
    logins.add(ACTIONS_BOT);
    return [...logins];
  }
  try {
    const { data } = await gh.rest.users.getAuthenticated();
    logins.add(data.login.toLowerCase());
  } catch {
    logins.add(ACTIONS_BOT);
  }
  return [...logins];
}
