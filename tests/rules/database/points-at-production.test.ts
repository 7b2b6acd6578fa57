import { beforeAll, describe, expect, it } from 'vitest';
import { pointsAtProduction } from '../../../src/rules/database/points-at-production.js';
import { allRules } from '../../../src/rules/index.js';
import { loadParsers } from '../../../src/sql/parsers.js';
import { analyzeOnWednesday, changedFile } from '../../support/changes.js';

beforeAll(async () => {
  await loadParsers();
});

function findings(path: string, before: string | null, after: string): string[] {
  return analyzeOnWednesday(changedFile(path, before, after))
    .filter((f) => f.rule === 'database/points-at-production')
    .map((f) => `${f.severity}@${f.line}`);
}

const DATABASE_YML = `default: &default
  adapter: postgresql
  pool: 5

development:
  <<: *default
  host: localhost
  database: app_development

test:
  <<: *default
  database: app_test

production:
  <<: *default
  host: prod-db.acme-internal.net
  database: app
`;

const SETUP = `#!/usr/bin/env bash
set -e
export DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev
bin/rails db:prepare
`;

const COMPOSE = `services:
  web:
    build: .
    environment:
      - DATABASE_URL=postgres://postgres:postgres@db:5432/app
  db:
    image: postgres:16
`;

describe('database/points-at-production', () => {
  it('is registered', () => {
    expect(allRules).toContain(pointsAtProduction);
  });

  const valid: Array<[string, string, string | null, string]> = [
    ['only the production section names production', 'config/database.yml', null, DATABASE_YML],
    [
      'placeholders in .env.example',
      '.env.example',
      null,
      'DATABASE_URL=postgres://user:password@localhost/app\nREPLICA=postgres://u:p@db.example.com/app\n',
    ],
    [
      'a production compose file is meant to point there',
      'docker-compose.prod.yml',
      null,
      COMPOSE.replace('@db:5432', '@prod-db.acme.io:5432'),
    ],
    [
      'an unchanged production pointer (already there before)',
      '.env.local',
      'DATABASE_URL=postgres://a@prod-db.acme.io/app\n',
      '# comment\nDATABASE_URL=postgres://a@prod-db.acme.io/app\n',
    ],
    [
      'the setup script echoes a production host, it does not connect',
      'bin/setup',
      SETUP,
      SETUP + 'echo "never use prod-db.acme.io here"\n',
    ],
    [
      'a commented-out production URL',
      '.env.development',
      null,
      '# DATABASE_URL=postgres://a@prod-db.acme.io/app\nDATABASE_URL=postgres://a@localhost/app\n',
    ],
  ];
  it.each(valid)('valid: %s', (_name, path, before, after) => {
    expect(findings(path, before, after)).toEqual([]);
  });

  const invalid: Array<[string, string, string | null, string, string[]]> = [
    [
      'development host changed to production',
      'config/database.yml',
      DATABASE_YML,
      DATABASE_YML.replace('  host: localhost', '  host: prod-db.acme-internal.net'),
      ['high@7'],
    ],
    [
      'test URL from a production variable (ERB)',
      'config/database.yml',
      DATABASE_YML,
      DATABASE_YML.replace('  database: app_test', '  url: <%= ENV["PROD_DATABASE_URL"] %>'),
      ['high@12'],
    ],
    [
      'setup script pointed at production and seeding: critical',
      'bin/setup',
      SETUP,
      SETUP.replace('@localhost:5432/app_dev', '@db.production.acme.io:5432/app') + 'bin/rails db:seed\n',
      ['critical@3'],
    ],
    [
      'compose environment pointed at production',
      'docker-compose.yml',
      COMPOSE,
      COMPOSE.replace('@db:5432', '@pg.prod.acme.io:5432'),
      ['high@5'],
    ],
    ['.env.local with a production DB_HOST', '.env.local', 'DB_HOST=localhost\n', 'DB_HOST=pg-prod-01.acme.io\n', ['high@1']],
    ['.env.test with RAILS_ENV=production', '.env.test', 'RAILS_ENV=test\n', 'RAILS_ENV=production\n', ['high@1']],
  ];
  it.each(invalid)('invalid: %s', (_name, path, before, after, expected) => {
    expect(findings(path, before, after)).toEqual(expected);
  });
});
