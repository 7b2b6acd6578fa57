#!/usr/bin/env bash
# Sets up a local development database. Safe to run as often as you like.
set -euo pipefail

export DATABASE_URL="postgres://app:app@localhost:5432/shop_development"

bundle install
bin/rails db:create db:schema:load
bin/rails db:seed
