// Doctrine migrations: $this->addSql('...') and the Schema API; down() is the rollback.

import type { Extractor } from '../types.js';
import { extractPhpMigration } from './php-migrations.js';

export const doctrineExtractor: Extractor = {
  name: 'doctrine',
  appliesTo: (path) =>
    /(^|\/)(migrations|Migrations|DoctrineMigrations)\/(.+\/)?Version[^/]*\.php$/.test(path) && !/(^|\/)database\/migrations\//.test(path),
  extract: (text) => extractPhpMigration(text, 'doctrine'),
};
