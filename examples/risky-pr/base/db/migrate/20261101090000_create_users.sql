CREATE TABLE users (
  id         bigserial PRIMARY KEY,
  email      text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE legacy_users (
  id    bigint PRIMARY KEY,
  email text
);

CREATE TABLE sessions (
  id         uuid PRIMARY KEY,
  user_id    bigint NOT NULL REFERENCES users (id),
  expires_at timestamptz NOT NULL
);
