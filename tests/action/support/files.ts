// Realistic files for the end-to-end scenarios.

export const DROP_SESSIONS = `-- Sessions moved to Redis in #4120; the table has been unused since release 2026.02.
BEGIN;

DROP TABLE sessions;

COMMIT;
`;

export const ADD_ORDERS_ARCHIVE = `-- Archive table for orders older than two years (read by the reporting job only).
CREATE TABLE orders_archive (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL,
  placed_at timestamptz NOT NULL,
  total_cents integer NOT NULL
);
`;

export const USER_MODEL_BEFORE = `class User < ApplicationRecord
  has_many :orders
  validates :email, presence: true
end
`;

export const USER_MODEL_AFTER = `class User < ApplicationRecord
  has_many :orders, dependent: :restrict_with_error
  validates :email, presence: true, uniqueness: { case_sensitive: false }
end
`;

export const README_BEFORE = '# Shop\n\nThe storefront.\n';
export const README_AFTER = '# Shop\n\nThe storefront and its admin.\n';

/** A migration that only creates things: the kind of SQL a feature PR is full of. */
export function createTableMigration(i: number): string {
  return `-- Feature ${i}: per-tenant settings.
CREATE TABLE feature_${i}_settings (
  id bigint PRIMARY KEY,
  tenant_id bigint NOT NULL,
  value jsonb NOT NULL DEFAULT '{}'::jsonb
);
`;
}

/** Every scenario sets its config: no freeze windows, so results never depend on the day the tests run. */
export const CONFIG = 'freeze: []\n';
