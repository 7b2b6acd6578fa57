// Where a reader of a finding can learn more. Rule pages are generated from rule metadata (npm run docs).
export const PROJECT_URL = 'https://github.com/two-key/two-key';

export function ruleDocsUrl(ruleId: string): string {
  return `${PROJECT_URL}/blob/main/docs/rules/${ruleId.replace('/', '-')}.md`;
}
