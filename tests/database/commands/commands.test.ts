import { beforeAll, describe, expect, it } from 'vitest';
import { loadParsers } from '../../../src/sql/parsers.js';
import { brief, newOps } from '../frameworks/support.js';

beforeAll(async () => {
  await loadParsers();
});

interface Case {
  name: string;
  path: string;
  before?: string;
  after: string;
  expected: string[];
}

const SETUP_SH = `#!/usr/bin/env bash
# Onboarding: run once on a new laptop.
set -euo pipefail

echo "== Installing gems (never run rails db:drop on shared databases) =="
bundle install

if [ "\${RESET:-0}" = 1 ]; then
  bin/rails db:drop db:create   # local only
fi
bundle exec rake db:schema:load
python manage.py flush --noinput
npx prisma migrate reset --force
docker compose exec -T web bin/rails db:reset
sudo -u postgres psql -d app_dev -c "TRUNCATE events; DELETE FROM jobs WHERE done"
psql "$DATABASE_URL" -v ON_ERROR_STOP=1 <<'SQL'
  DROP TABLE IF EXISTS tmp_import;
SQL
echo "DELETE FROM carts" | mysql app_dev
bash -c "redis-cli FLUSHDB"
mongosh app --eval 'db.sessions.drop()'
dropdb app_test
`;

const MAKEFILE = `DB_URL ?= postgres://app@prod-db.acme.io:5432/app
LOCAL_URL ?= postgres://postgres:postgres@localhost:5432/app

.PHONY: dev reset nuke-prod

dev:
\tbin/rails server

reset:
\t@echo "reset: psql -c 'DROP TABLE users'"
\t-psql $(LOCAL_URL) -c "DROP TABLE sessions"

nuke-prod:
\tpsql $(DB_URL) \\
\t  -c "DELETE FROM events"
`;

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt \\
 && python manage.py collectstatic --noinput
# RUN python manage.py flush --noinput
RUN ["python", "manage.py", "flush", "--noinput"]
RUN <<EOF
set -e
python manage.py reset_db --noinput
EOF
CMD ["gunicorn", "app.wsgi"]
`;

const WORKFLOW = `name: Maintenance
on:
  workflow_dispatch:
env:
  NODE_VERSION: 20
jobs:
  staging-reset:
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - uses: actions/checkout@v4
      - name: Reset staging
        run: npx prisma migrate reset --force
  prod-cleanup:
    runs-on: ubuntu-latest
    env:
      DATABASE_URL: \${{ secrets.PROD_DATABASE_URL }}
    steps:
      - name: Clean up
        run: |
          echo "cleaning"
          # psql "$DATABASE_URL" -c "DROP TABLE x"
          psql "$PROD_DATABASE_URL" -c "TRUNCATE sessions"
`;

const PACKAGE_JSON = `{
  "name": "web",
  "private": true,
  "scripts": {
    "dev": "next dev",
    "db:reset": "prisma migrate reset --force",
    "db:nuke:prod": "DATABASE_URL=$PROD_DATABASE_URL prisma db push --force-reset",
    "db:push": "prisma db push",
    "db:docs": "echo 'prisma migrate reset wipes everything'"
  }
}
`;

const cases: Case[] = [
  {
    name: 'shell: every command family; comments and echo strings do not count',
    path: 'scripts/setup-dev.sh',
    after: SETUP_SH,
    expected: [
      'destructive-command@9',
      'destructive-command@11',
      'destructive-command@12',
      'destructive-command@13',
      'destructive-command@14',
      'truncate@15',
      'drop-table@17',
      'delete-without-where@19',
      'destructive-command@20',
      'drop-table@21',
      'drop-database@22',
    ],
  },
  {
    name: 'shell: a script whose dangerous lines were removed',
    path: 'scripts/setup-dev.sh',
    before: SETUP_SH,
    after: SETUP_SH.replace(/^(bundle exec rake|python manage|npx prisma|dropdb).*\n/gm, ''),
    expected: [],
  },
  {
    name: 'shell: the same command newly aimed at production is new',
    path: 'scripts/reset.sh',
    before: '#!/bin/sh\nbin/rails db:reset\n',
    after: '#!/bin/sh\nRAILS_ENV=production bin/rails db:reset\n',
    expected: ['destructive-command@2 (production)'],
  },
  {
    name: 'shell: a Ruby bin/setup running commands through system!',
    path: 'bin/setup',
    after:
      '#!/usr/bin/env ruby\nrequire "fileutils"\n\nFileUtils.chdir APP_ROOT do\n  # system! "bin/rails db:drop"\n  system! "bin/rails db:prepare"\n  system! "bin/rails db:reset"\nend\n',
    expected: ['destructive-command@7'],
  },
  {
    name: 'makefile: recipes, Make variables resolving to a production URL, comments and echo',
    path: 'Makefile',
    after: MAKEFILE,
    expected: ['drop-table@11', 'delete-without-where@15 (production)'],
  },
  {
    name: 'dockerfile: shell RUN, exec-form RUN and heredoc RUN; a commented RUN',
    path: 'docker/Dockerfile',
    after: DOCKERFILE,
    expected: ['destructive-command@8', 'destructive-command@11'],
  },
  {
    name: 'workflow: run steps with real lines, job env, a staging environment',
    path: '.github/workflows/maintenance.yml',
    after: WORKFLOW,
    expected: ['destructive-command@13', 'truncate@23 (production)'],
  },
  {
    name: 'package.json: scripts, env-prefixed production target, echo',
    path: 'package.json',
    after: PACKAGE_JSON,
    expected: ['destructive-command@6', 'destructive-command@7 (production)'],
  },
  {
    name: 'mongo: a mongosh script',
    path: 'scripts/mongo/reset.js',
    after:
      "// db.dropDatabase()\nconst app = db.getSiblingDB('app');\ndb.dropDatabase();\ndb.getCollection('audit').drop();\ndb.users.updateMany({}, { $set: { active: false } });\ndb.users.deleteMany({ active: false });\n",
    expected: ['drop-database@3', 'drop-table@4', 'update-without-where@5'],
  },
  {
    name: 'mongo: application code under scripts/ that imports a driver is not a shell script',
    path: 'scripts/cleanup.js',
    after: "import { MongoClient } from 'mongodb';\nconst db = new MongoClient(url).db();\nawait db.collection('x').deleteMany({});\n",
    expected: [],
  },
  {
    name: 'redis: FLUSHALL on a production host; a scan-and-delete is targeted',
    path: 'scripts/cache.sh',
    after: '#!/bin/sh\nredis-cli -u "redis://cache.live.acme.io:6379" FLUSHALL\nredis-cli --scan --pattern "tmp:*" | xargs redis-cli del\n',
    expected: ['destructive-command@2 (production)'],
  },
];

describe('commands: operations a change adds', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(brief(newOps(c.path, c.before ?? null, c.after))).toEqual(c.expected);
  });
});
