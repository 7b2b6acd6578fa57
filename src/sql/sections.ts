// Migration tools that keep up and down in one SQL file mark the sections with comments:
// dbmate `-- migrate:up` / `-- migrate:down`, goose `-- +goose Up` / `-- +goose Down`,
// sql-migrate `-- +migrate Up` / `-- +migrate Down`. The down part runs only on rollback.

const UP = /^\s*--\s*(?:migrate:up|\+goose\s+up|\+migrate\s+up)\b/i;
const DOWN = /^\s*--\s*(?:migrate:down|\+goose\s+down|\+migrate\s+down)\b/i;

/** A predicate: is this 1-based line inside a down section? */
export function downSectionLines(text: string): (line: number) => boolean {
  if (!/migrate:down|\+goose\s+down|\+migrate\s+down/i.test(text)) return () => false;
  const ranges: [number, number][] = [];
  let start = -1;
  const lines = text.split('\n');
  lines.forEach((l, idx) => {
    if (DOWN.test(l) && start < 0) start = idx + 1;
    else if (UP.test(l) && start >= 0) {
      ranges.push([start, idx + 1]);
      start = -1;
    }
  });
  if (start >= 0) ranges.push([start, lines.length + 1]);
  return (line) => ranges.some(([from, to]) => line > from && line < to);
}

/**
 * Files that hold only a rollback: golang-migrate / generic `*.down.sql`, `down.sql`
 * (Diesel, refinery), Flyway undo migrations `U<version>__name.sql`.
 */
export function isRollbackPath(path: string): boolean {
  const base = path.split('/').pop() ?? path;
  return /(^|[._-])down\.sql$/i.test(base) || /^U\d[\w.]*__.*\.sql$/.test(base);
}
