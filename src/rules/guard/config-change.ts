import type { FileRule } from '../types.js';
import { sameYaml } from './yaml.js';

const CONFIG_FILES = new Set(['.github/two-key.yml', '.github/two-key.yaml']);

export const configChange: FileRule = {
  kind: 'file',
  meta: {
    id: 'guard/config-change',
    category: 'guard',
    severity: 'high',
    title: 'Change to the Two-Key config',
    why: 'The config decides what needs a second sign-off. A change that loosens it (a new ignore glob, a lower severity, report mode) removes the safeguard for every later pull request.',
    fix: 'Have a second person agree to the new settings. The change takes effect only after it merges, because Two-Key reads the config from the base branch.',
    examples: { bad: 'ignore: ["db/**"]', good: 'A config change reviewed and approved by the platform team.', language: 'yaml' },
  },
  appliesTo: (path) => CONFIG_FILES.has(path),
  check({ file }) {
    if (sameYaml(file.before, file.after)) return [];
    const what = file.status === 'deleted' ? 'deletes' : file.status === 'added' ? 'adds' : 'changes';
    return [{ line: file.status === 'deleted' ? null : 1, message: `This change ${what} the Two-Key config (${file.path}).` }];
  },
};
