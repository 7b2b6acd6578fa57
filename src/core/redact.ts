// Findings quote the change (a command line, a URL) and are posted in PR comments, check
// runs and logs. A credential pasted into the change must not be copied into all of those.

const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@'"`]*):([^\s@/'"`]+)@/gi;
const VALUE = String.raw`(?:"[^"]*"|'[^']*'|[^\s"'\x60]+)`;
const SECRET_ASSIGNMENT = new RegExp(
  String.raw`\b([A-Z0-9_]*(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_KEY)[A-Z0-9_]*\s*[=:]\s*)${VALUE}`,
  'gi',
);
const PASSWORD_FLAG = new RegExp(String.raw`(\s--password[= ])${VALUE}`, 'gi');

const mask = (_m: string, prefix: string): string => `${prefix}***`;

export function redactSecrets(text: string): string {
  return text.replace(URL_PASSWORD, '$1:***@').replace(SECRET_ASSIGNMENT, mask).replace(PASSWORD_FLAG, mask);
}
