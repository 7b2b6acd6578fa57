import { beforeAll, describe, expect, it } from 'vitest';
import { loadParsers } from '../../../src/sql/parsers.js';
import { brief, newOps } from './support.js';

beforeAll(async () => {
  await loadParsers();
});

interface Case {
  name: string;
  path: string;
  before?: string;
  after: string;
  /** `kind@line`, with ` (rollback)` for down sections. */
  expected: string[];
}

const RAILS = `class CleanupUsers < ActiveRecord::Migration[7.1]
  # drop_table :ignored_in_comment
  def up
    remove_column :users, :fax, :string
    remove_columns(:users, "pager", :telex)
    change_column :users, :age, :bigint
    rename_table :people, :persons
    say "drop_table :users is not happening"
    execute <<~SQL
      DELETE FROM sessions;
    SQL
    reversible do |dir|
      dir.up { change_column_null :users, :email, false }
      dir.down do
        rename_column :users, :mail, :email
      end
    end
  end

  def down
    if column_exists?(:users, :fax)
      drop_table :archived_users
    end
  end
end
`;

const DJANGO = `from django.db import migrations, models

REVERSE = "DELETE FROM shop_coupon;"


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]

    operations = [
        migrations.RemoveField(model_name="order", name="coupon"),
        migrations.AlterField("order", "total", field=models.DecimalField(max_digits=12, decimal_places=2)),
        migrations.RenameModel(old_name="Coupon", new_name="Voucher"),
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Ghost")],
            database_operations=[migrations.RunSQL("DROP TABLE shop_ghost;")],
        ),
        migrations.RunSQL(sql=["UPDATE shop_order SET paid = false;"], reverse_sql=REVERSE),
        migrations.AddField(model_name="order", name="note", field=models.TextField(default="")),
    ]
`;

const ALEMBIC = `"""cleanup"""
from alembic import op
import sqlalchemy as sa

revision = "abc"


def upgrade():
    op.drop_table("legacy")
    op.alter_column("users", "name", new_column_name="full_name")
    with op.batch_alter_table("orders") as batch_op:
        batch_op.drop_column("note")
    op.execute(sa.text("TRUNCATE audit"))
    op.create_index("ix_users_email", "users", ["email"], postgresql_concurrently=True)


def downgrade():
    op.drop_column("users", "full_name")
`;

const KNEX = `exports.up = async (knex) => {
  await knex.schema.table('users', (t) => {
    t.dropColumn('fax');
    t.renameColumn('mail', 'email');
    t.string('nickname').nullable();
  });
  await knex.raw('DELETE FROM sessions');
  await dropTableIfEmpty(knex, 'tmp');
};

exports.down = (knex) => knex.schema.dropTableIfExists('users_archive');
`;

const SEQUELIZE = `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn('Users', 'age', { type: Sequelize.BIGINT });
    await queryInterface.bulkDelete('Sessions', null, {});
    await queryInterface.bulkDelete('Sessions', { expired: true }, {});
    await queryInterface.addColumn('Users', 'nickname', { type: Sequelize.STRING, allowNull: true });
  },
  async down(queryInterface) {
    await queryInterface.removeColumn('Users', 'nickname');
  },
};
`;

const TYPEORM = `import { MigrationInterface, QueryRunner, Table } from 'typeorm';

export class Cleanup1700000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable(new Table({ name: 'legacy' }));
    await queryRunner.clearTable('cache');
    await queryRunner.query(\`ALTER TABLE "user" ADD "nick" varchar\`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(\`ALTER TABLE "user" DROP COLUMN "nick"\`);
  }
}
`;

const LARAVEL = `<?php

use Illuminate\\Database\\Migrations\\Migration;
use Illuminate\\Database\\Schema\\Blueprint;
use Illuminate\\Support\\Facades\\DB;
use Illuminate\\Support\\Facades\\Schema;

return new class extends Migration
{
    public function up(): void
    {
        Schema::table('users', function (Blueprint $table) {
            $table->dropColumn(['fax', 'pager']);
            $table->renameColumn('mail', 'email');
            $table->string('name', 100)->change();
        });
        Schema::rename('people', 'persons');
        DB::unprepared("DELETE FROM sessions");
    }

    public function down(): void
    {
        Schema::dropIfExists('persons');
    }
};
`;

const ECTO = `defmodule App.Repo.Migrations.Cleanup do
  use Ecto.Migration

  def up do
    alter table(:users) do
      remove :fax
      modify :age, :bigint
      add :nickname, :string
    end

    rename table(:users), :mail, to: :email
    drop_if_exists table(:legacy)
    execute "DELETE FROM sessions", "SELECT 1"
    create index(:users, [:email], concurrently: true)
  end

  def down, do: drop table(:users_archive)
end
`;

const EF = `using Microsoft.EntityFrameworkCore.Migrations;

namespace App.Migrations
{
    public partial class Cleanup : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(name: "Legacy");
            migrationBuilder.RenameColumn(name: "Mail", table: "Users", newName: "Email");
            migrationBuilder.AlterColumn<long>(name: "Age", table: "Users", type: "bigint", nullable: false);
            migrationBuilder.Sql(@"DELETE FROM ""Sessions""");
            migrationBuilder.AddColumn<string>(name: "Nick", table: "Users", nullable: true);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "Nick", table: "Users");
        }
    }
}
`;

const DOCTRINE = `<?php

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\\DBAL\\Schema\\Schema;
use Doctrine\\Migrations\\AbstractMigration;

final class Version20240101000000 extends AbstractMigration
{
    public function up(Schema $schema): void
    {
        // $this->addSql('DROP TABLE user');
        $this->addSql('ALTER TABLE customer DROP fax');
        $this->addSql('UPDATE customer SET vip = 0');
    }

    public function down(Schema $schema): void
    {
        $this->addSql('DROP TABLE customer_archive');
    }
}
`;

const LIQUIBASE_XML = `<?xml version="1.0" encoding="UTF-8"?>
<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog">
    <changeSet id="1" author="a">
        <!-- <dropTable tableName="commented"/> -->
        <dropColumn tableName="users">
            <column name="fax"/>
            <column name="pager"/>
        </dropColumn>
        <renameTable oldTableName="people" newTableName="persons"/>
        <modifyDataType tableName="users" columnName="age" newDataType="bigint"/>
        <delete tableName="sessions">
            <where>expires_at &lt; now()</where>
        </delete>
        <sql>
            TRUNCATE audit;
        </sql>
        <rollback>
            <dropTable tableName="persons"/>
        </rollback>
    </changeSet>
</databaseChangeLog>
`;

const LIQUIBASE_YAML = `databaseChangeLog:
  - changeSet:
      id: 1
      author: a
      changes:
        - dropTable:
            tableName: legacy
        - sql:
            sql: |
              DELETE FROM sessions;
      rollback:
        - dropColumn:
            tableName: users
            columnName: nick
`;

const cases: Case[] = [
  {
    name: 'rails: up, reversible and down sections',
    path: 'db/migrate/20240101000000_cleanup_users.rb',
    after: RAILS,
    expected: [
      'drop-column@4',
      'drop-column@5',
      'drop-column@5',
      'alter-column-type@6',
      'rename@7',
      'delete-without-where@10',
      'set-not-null@13',
      'rename@15 (rollback)',
      'drop-table@22 (rollback)',
    ],
  },
  {
    name: 'rails: a re-indented, re-quoted and reordered old migration adds nothing',
    path: 'db/migrate/20240101000000_cleanup_users.rb',
    before: RAILS,
    after: RAILS.replace('remove_column :users, :fax, :string', "remove_column 'users', 'fax', :string")
      .replace('    rename_table :people, :persons\n', '')
      .replace('  def down\n', '  def down\n    rename_table(:people, :persons) if false\n')
      .replace('    change_column :users, :age, :bigint', '      change_column(:users, :age, :bigint) # reindented'),
    expected: ['rename@20 (rollback)'],
  },
  {
    name: 'rails: removing the dangerous lines adds nothing',
    path: 'db/migrate/20240101000000_cleanup_users.rb',
    before: RAILS,
    after: RAILS.replace('    remove_column :users, :fax, :string\n', ''),
    expected: [],
  },
  {
    name: 'django: state-only DeleteModel, RunSQL reverse, AddField default',
    path: 'shop/migrations/0002_cleanup.py',
    after: DJANGO,
    expected: [
      'drop-column@10',
      'alter-column-type@11',
      'rename@12',
      'drop-table@15',
      'update-without-where@17',
      'delete-without-where@3 (rollback)',
    ],
  },
  {
    name: 'django: a file that is not a Django migration',
    path: 'tools/migrations/helpers.py',
    after: 'def RemoveField(a, b):\n    pass\n',
    expected: [],
  },
  {
    name: 'alembic: upgrade, batch and downgrade',
    path: 'alembic/versions/abc_cleanup.py',
    after: ALEMBIC,
    expected: ['drop-table@9', 'rename@10', 'drop-column@12', 'truncate@13', 'drop-column@18 (rollback)'],
  },
  {
    name: 'knex: scoped column calls, raw SQL, arrow-bodied down, app helper',
    path: 'migrations/20240101_cleanup.js',
    after: KNEX,
    expected: ['drop-column@3', 'rename@4', 'delete-without-where@7', 'drop-table@11 (rollback)'],
  },
  {
    name: 'sequelize: changeColumn, bulkDelete without where, down',
    path: 'migrations/20240101-cleanup.js',
    after: SEQUELIZE,
    expected: ['alter-column-type@4', 'delete-without-where@5', 'drop-column@10 (rollback)'],
  },
  {
    name: 'typeorm: Table objects, clearTable, generated down',
    path: 'src/migrations/1700000000000-Cleanup.ts',
    after: TYPEORM,
    expected: ['drop-table@5', 'truncate@6', 'drop-column@11 (rollback)'],
  },
  {
    name: 'laravel: Blueprint calls, Schema::rename, DB::unprepared, down',
    path: 'database/migrations/2024_01_01_000000_cleanup.php',
    after: LARAVEL,
    expected: [
      'drop-column@13',
      'drop-column@13',
      'rename@14',
      'alter-column-type@15',
      'rename@17',
      'delete-without-where@18',
      'drop-table@23 (rollback)',
    ],
  },
  {
    name: 'ecto: alter block, rename, execute up/down, one-line down',
    path: 'priv/repo/migrations/20240101000000_cleanup.exs',
    after: ECTO,
    expected: ['drop-column@6', 'alter-column-type@7', 'rename@11', 'drop-table@12', 'delete-without-where@13', 'drop-table@17 (rollback)'],
  },
  {
    name: 'entity framework: named arguments, generic AlterColumn, verbatim Sql, Down',
    path: 'src/App/Migrations/20240101000000_Cleanup.cs',
    after: EF,
    expected: ['drop-table@9', 'rename@10', 'alter-column-type@11', 'delete-without-where@12', 'drop-column@18 (rollback)'],
  },
  {
    name: 'doctrine: addSql in up and down, a commented addSql',
    path: 'migrations/Version20240101000000.php',
    after: DOCTRINE,
    expected: ['drop-column@15', 'update-without-where@16', 'drop-table@21 (rollback)'],
  },
  {
    name: 'liquibase XML: nested columns, where, sql, rollback, comment',
    path: 'src/main/resources/db/changelog/001-cleanup.xml',
    after: LIQUIBASE_XML,
    expected: ['drop-column@5', 'drop-column@5', 'rename@9', 'alter-column-type@10', 'truncate@15', 'drop-table@18 (rollback)'],
  },
  {
    name: 'liquibase YAML: block sql and rollback',
    path: 'db/changelog/db.changelog-master.yaml',
    after: LIQUIBASE_YAML,
    expected: ['drop-table@6', 'delete-without-where@10', 'drop-column@12 (rollback)'],
  },
  {
    name: 'liquibase JSON: the same changelog as JSON',
    path: 'db/changelog/changes.json',
    after: JSON.stringify(
      { databaseChangeLog: [{ changeSet: { id: '1', author: 'a', changes: [{ dropTable: { tableName: 'legacy' } }] } }] },
      null,
      2,
    ),
    expected: ['drop-table@9'],
  },
  {
    name: 'prisma: a removed field and a retyped field',
    path: 'prisma/schema.prisma',
    before: 'model User {\n  id    Int    @id\n  email String\n  age   Int\n  fax   String? // old\n}\n',
    after: 'model User {\n  id    Int    @id\n  email String\n  age   BigInt\n}\n',
    expected: ['alter-column-type@4', 'drop-column@1'],
  },
  {
    name: 'prisma: comments, reordering and a new optional field change nothing',
    path: 'prisma/schema.prisma',
    before: 'model User {\n  id    Int    @id\n  email String\n}\n',
    after: '// users\nmodel User {\n  email String // login\n  id    Int    @id\n  nick  String?\n}\n',
    expected: [],
  },
];

describe('framework migrations: operations a change adds', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(brief(newOps(c.path, c.before ?? null, c.after))).toEqual(c.expected);
  });

  it('gives the same fingerprints whatever the quoting and letter case', () => {
    const a = newOps(
      'db/migrate/1_a.rb',
      null,
      'class A < ActiveRecord::Migration[7.1]\n  def change\n    drop_table :Users\n  end\nend\n',
    );
    const b = newOps(
      'db/migrate/1_a.rb',
      null,
      "class A < ActiveRecord::Migration[7.1]\n  def change\n    drop_table('users', if_exists: true)\n  end\nend\n",
    );
    expect(a.map((o) => o.fingerprint)).toEqual(b.map((o) => o.fingerprint));
  });

  it('moving an operation from down to up is new', () => {
    const before = 'def upgrade():\n    pass\n\n\ndef downgrade():\n    op.drop_table("t")\n';
    const after = 'def upgrade():\n    op.drop_table("t")\n\n\ndef downgrade():\n    pass\n';
    expect(brief(newOps('alembic/versions/x.py', before, after))).toEqual(['drop-table@2']);
  });
});
