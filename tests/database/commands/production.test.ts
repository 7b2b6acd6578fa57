import { describe, expect, it } from 'vitest';
import {
  commandTargetsProduction,
  isProductionName,
  isProductionUrl,
  isProductionVariable,
  isProductionValue,
} from '../../../src/database/production.js';

describe('production detection', () => {
  it.each([
    ['prod-db.internal', true],
    ['db.prod.acme.io', true],
    ['app_production', true],
    ['pg-live-01', true],
    ['product-db.internal', false],
    ['reproduce', false],
    ['production_orders_dev', true],
    ['prod.example.com', false],
    ['localhost', false],
  ])('names: %s -> %s', (name, expected) => {
    expect(isProductionName(name)).toBe(expected);
  });

  it.each([
    ['postgres://app:secret@prod-db.acme.io:5432/app', true],
    ['postgres://app@db.internal/app_production', true],
    ['postgres://user:password@localhost/app', false],
    ['postgres://user:password@db.example.com/app', false],
    ['postgres://user:password@localhost/app_production', false],
    ['mysql://root@127.0.0.1/products', false],
    ['not a url', false],
  ])('URLs: %s -> %s', (url, expected) => {
    expect(isProductionUrl(url)).toBe(expected);
  });

  it.each([
    ['PROD_DATABASE_URL', true],
    ['LIVE_DB_HOST', true],
    ['PRODUCT_DATABASE_URL', false],
    ['PROD_FEATURE_FLAG', false],
    ['DATABASE_URL', false],
  ])('variables: %s -> %s', (name, expected) => {
    expect(isProductionVariable(name)).toBe(expected);
  });

  it('reads references and ERB in values', () => {
    expect(isProductionValue('${PROD_DATABASE_URL}')).toBe(true);
    expect(isProductionValue('<%= ENV["PROD_DATABASE_URL"] %>')).toBe(true);
    expect(isProductionValue('<%= ENV["DATABASE_URL"] %>')).toBe(false);
    expect(isProductionValue('host=prod-db.acme.io dbname=app')).toBe(true);
  });

  it.each<[string[], Record<string, string>, boolean]>([
    [['rails', 'db:reset'], { RAILS_ENV: 'production' }, true],
    [['rails', 'db:reset'], { RAILS_ENV: 'development' }, false],
    [['rails', 'db:reset', '-e', 'production'], {}, true],
    [['psql', '-h', 'prod-db.acme.io', '-c', 'SELECT 1'], {}, true],
    [['psql', '-h', 'localhost', '-d', 'products'], {}, false],
    [['mysql', '-hprod-mysql.acme.io', 'app'], {}, true],
    [['manage.py', 'flush', '--settings=config.settings.production'], {}, true],
    [['prisma', 'migrate', 'reset'], { DATABASE_URL: '$PROD_DATABASE_URL' }, true],
    [['psql', '-c', 'DELETE FROM production_orders'], {}, false],
  ])('commands: %j with %j -> %s', (words, env, expected) => {
    expect(commandTargetsProduction(words, new Map(Object.entries(env)))).toBe(expected);
  });
});
