-- Clean up before the new login flow ships.
-- Old sessions are useless after the cookie format change.
BEGIN;

DELETE FROM sessions;

DROP TABLE legacy_users;

COMMIT;
