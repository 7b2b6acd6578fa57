// Laravel migrations: Schema::drop, $table->dropColumn, DB::statement; down() is the rollback.

import type { Extractor } from '../types.js';
import { extractPhpMigration } from './php-migrations.js';

export const laravelExtractor: Extractor = {
  name: 'laravel',
  appliesTo: (path) => /(^|\/)database\/migrations\/(.+\/)?[^/]+\.php$/.test(path),
  extract: (text) => extractPhpMigration(text, 'laravel'),
};
