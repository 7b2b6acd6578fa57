import { beforeAll, describe, expect, it } from 'vitest';
import { loadParsers } from '../../../src/sql/parsers.js';
import { corpusCases, runCase } from './corpus-support.js';

// The framework and command folders of the labelled corpus (tests/corpus/database/sql is the SQL engine's).
const FRAMEWORKS = [
  'rails',
  'django',
  'alembic',
  'knex',
  'sequelize',
  'typeorm',
  'prisma',
  'laravel',
  'ecto',
  'liquibase',
  'entity-framework',
  'doctrine',
];
const COMMANDS = ['shell', 'makefile', 'dockerfile', 'workflow', 'package-json', 'mongo', 'redis', 'production'];

beforeAll(async () => {
  await loadParsers();
});

describe.each([...FRAMEWORKS, ...COMMANDS])('corpus: %s', (framework) => {
  const cases = corpusCases([framework]);
  it('has a positive and a clean case', () => {
    expect(cases.some((c) => c.expect.length > 0)).toBe(true);
    expect(cases.some((c) => c.expect.length === 0)).toBe(true);
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { categories, findings } = runCase(c);
    expect(categories, `${c.note}\n${findings.map((f) => `${f.severity} ${f.rule}:${f.line} ${f.message}`).join('\n')}`).toEqual(c.expect);
  });
});
