import { describe, expect, it } from 'vitest';
import { lex, type Lang } from '../../../src/database/extract/frameworks/lexer.js';

const words = (text: string, lang: Lang): string[] =>
  lex(text, lang)
    .filter((t) => t.type === 'word')
    .map((t) => t.value);
const strings = (text: string, lang: Lang): Array<[string, number]> =>
  lex(text, lang)
    .filter((t) => t.type === 'string')
    .map((t) => [t.value, t.contentLine]);

describe('lex', () => {
  it.each<[Lang, string]>([
    ['ruby', '# drop_table :users\nx = 1'],
    ['ruby', '=begin\ndrop_table :users\n=end\nx = 1'],
    ['python', '# op.drop_table("users")\nx = 1'],
    ['js', '// knex.schema.dropTable("users")\n/* dropTable */ x = 1'],
    ['php', "// Schema::drop('users')\n# dropColumn\n/* drop */ $x = 1"],
    ['elixir', '# drop table(:users)\nx = 1'],
    ['csharp', '// migrationBuilder.DropTable("x")\n/* DropColumn */ x = 1'],
  ])('skips %s comments', (lang, text) => {
    const ws = words(text, lang).filter((w) => !['x', '$x'].includes(w));
    expect(ws).toEqual([]);
  });

  it('reads a Ruby squiggly heredoc whose content starts on the next line', () => {
    const text = 'execute <<~SQL\n  DELETE FROM sessions;\nSQL\nputs 1';
    expect(strings(text, 'ruby')).toEqual([['  DELETE FROM sessions;', 2]]);
    expect(words(text, 'ruby')).toEqual(['execute', 'puts']);
  });

  it('replaces interpolation in Ruby, JS templates, C# and Python f-strings', () => {
    expect(strings('execute "DROP TABLE #{name}"', 'ruby')[0]?.[0]).toBe('DROP TABLE __expr__');
    expect(strings('q(`DROP TABLE ${t}`)', 'js')[0]?.[0]).toBe('DROP TABLE __expr__');
    expect(strings('Sql($"DROP TABLE {t}")', 'csharp')[0]?.[0]).toBe('DROP TABLE __expr__');
    expect(strings('op.execute(f"DROP TABLE {t}")', 'python')[0]?.[0]).toBe('DROP TABLE __expr__');
  });

  it('reads Python triple-quoted, C# verbatim, PHP nowdoc and Elixir sigil strings', () => {
    expect(strings('SQL = """\nDROP TABLE a;\n"""', 'python')[0]?.[0]).toBe('\nDROP TABLE a;\n');
    expect(strings('Sql(@"DROP ""x""")', 'csharp')[0]?.[0]).toBe('DROP "x"');
    expect(strings("$this->addSql(<<<'SQL'\n    DROP TABLE a\n    SQL);", 'php')[0]).toEqual(['    DROP TABLE a', 2]);
    expect(strings('execute ~s(DROP TABLE "a")', 'elixir')[0]?.[0]).toBe('DROP TABLE "a"');
  });

  it('keeps Ruby and Elixir symbols apart from keyword arguments', () => {
    const ts = lex('rename table(:users), :name, to: :full_name', 'elixir');
    expect(ts.filter((t) => t.type === 'symbol').map((t) => t.value)).toEqual(['users', 'name', 'full_name']);
    expect(ts.some((t) => t.type === 'word' && t.value === 'to')).toBe(true);
  });
});
