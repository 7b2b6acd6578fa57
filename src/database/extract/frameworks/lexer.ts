// A small multi-language lexer for migration files. It does not parse the languages; it
// only separates code from comments and string literals, so that call patterns matched on
// its tokens never fire on a commented-out `drop_table` or on SQL quoted in a log message.

export type Lang = 'ruby' | 'python' | 'js' | 'php' | 'elixir' | 'csharp';

export interface Token {
  type: 'word' | 'string' | 'symbol' | 'number' | 'punct';
  /** Identifier text, punctuation, or a string's content with interpolations replaced by `__expr__`. */
  value: string;
  /** 1-based line where the token starts. */
  line: number;
  /** 0-based column where the token starts. */
  col: number;
  /** First token on its line: a statement start in Ruby, Elixir and Python. */
  first: boolean;
  /** For strings: the line where the content starts (the line after a heredoc opener). */
  contentLine: number;
}

/** What an interpolation (`#{x}`, `${x}`, `{x}`) becomes inside a string's value. */
export const INTERPOLATION = '__expr__';

const WORD_START = /[A-Za-z_$@\u0080-\uffff]/;
const WORD_CHAR = /[A-Za-z0-9_$@\u0080-\uffff]/;
const MULTI_PUNCT = ['::', '->', '=>', '|>', '**', '==', '!=', '<=', '>=', '&&', '||'];

interface PendingHeredoc {
  token: Token;
  terminator: string;
  /** Ruby `<<~`/`<<-` and PHP 7.3+ allow an indented terminator. */
  indented: boolean;
}

export function lex(text: string, lang: Lang): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  let lastLineWithToken = 0;
  const heredocs: PendingHeredoc[] = [];
  const n = text.length;

  const push = (type: Token['type'], value: string, startLine: number, col: number, contentLine = startLine): Token => {
    const t: Token = { type, value, line: startLine, col, first: startLine !== lastLineWithToken, contentLine };
    lastLineWithToken = startLine;
    tokens.push(t);
    return t;
  };
  const newline = (at: number): void => {
    line++;
    lineStart = at + 1;
  };
  // Advances over text[from, to) counting newlines.
  const advance = (to: number): void => {
    for (let k = i; k < to && k < n; k++) if (text[k] === '\n') newline(k);
    i = Math.min(to, n);
  };

  const readHeredocBodies = (): void => {
    // Called just after a newline: the pending heredoc bodies follow, one after the other.
    while (heredocs.length > 0) {
      const h = heredocs.shift() as PendingHeredoc;
      h.token.contentLine = line;
      const body: string[] = [];
      while (i < n) {
        const end = text.indexOf('\n', i);
        const raw = text.slice(i, end === -1 ? n : end);
        const trimmed = h.indented ? raw.trim() : raw.replace(/\r$/, '');
        const isEnd = trimmed === h.terminator || (lang === 'php' && trimmed.replace(/[;,)].*$/, '') === h.terminator);
        if (isEnd) {
          // PHP allows code after the terminator (`EOT;`); leave it for the lexer.
          if (lang === 'php') {
            const at = raw.indexOf(h.terminator);
            i = i + at + h.terminator.length;
          } else {
            i = end === -1 ? n : end;
          }
          break;
        }
        body.push(raw);
        if (end === -1) {
          i = n;
          break;
        }
        i = end + 1;
        newline(end);
      }
      h.token.value = body.join('\n');
    }
  };

  // Reads a quoted string starting at i (the opening quote), with escapes and optional
  // interpolation `open ... close`. Returns the value; i ends after the closing quote.
  const readQuoted = (quote: string, opts: { escapes: boolean; interp?: string; doubledQuote?: boolean }): string => {
    let out = '';
    i += quote.length;
    while (i < n) {
      if (text.startsWith(quote, i)) {
        if (opts.doubledQuote && text.startsWith(quote + quote, i)) {
          out += quote;
          i += 2 * quote.length;
          continue;
        }
        i += quote.length;
        return out;
      }
      const c = text[i] as string;
      if (opts.escapes && c === '\\' && i + 1 < n) {
        const next = text[i + 1] as string;
        if (next === '\n') newline(i + 1);
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        i += 2;
        continue;
      }
      if (opts.interp !== undefined && text.startsWith(opts.interp, i)) {
        // Skip to the matching close brace, counting nested braces.
        let depth = 0;
        let k = i + opts.interp.length - 1;
        for (; k < n; k++) {
          const ch = text[k];
          if (ch === '{') depth++;
          else if (ch === '}' && --depth === 0) break;
        }
        advance(k + 1);
        out += INTERPOLATION;
        continue;
      }
      if (c === '\n') newline(i);
      out += c;
      i++;
    }
    return out;
  };

  const lineComment = (): boolean => {
    const c = text[i];
    if (c === '#' && (lang === 'ruby' || lang === 'python' || lang === 'elixir' || lang === 'php')) {
      // PHP 8 attributes `#[...]` are code.
      if (lang === 'php' && text[i + 1] === '[') return false;
      return true;
    }
    return c === '/' && text[i + 1] === '/' && (lang === 'js' || lang === 'php' || lang === 'csharp');
  };

  while (i < n) {
    const c = text[i] as string;
    const startLine = line;
    const col = i - lineStart;

    if (c === '\n') {
      newline(i);
      i++;
      if (heredocs.length > 0) readHeredocBodies();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    // Ruby block comments: =begin ... =end at the start of a line.
    if (lang === 'ruby' && col === 0 && text.startsWith('=begin', i)) {
      const end = text.indexOf('\n=end', i);
      advance(end === -1 ? n : end + 5);
      continue;
    }
    if (lineComment()) {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    if (c === '/' && text[i + 1] === '*' && (lang === 'js' || lang === 'php' || lang === 'csharp')) {
      const end = text.indexOf('*/', i + 2);
      advance(end === -1 ? n : end + 2);
      continue;
    }

    // Heredocs: Ruby <<~SQL, <<-SQL, <<SQL (identifier right after), PHP <<<SQL / <<<'SQL'.
    if (lang === 'ruby' || lang === 'php') {
      const re = lang === 'ruby' ? /<<([~-]?)(['"`]?)([A-Z_][A-Za-z0-9_]*)\2/y : /<<<[ \t]*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/y;
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) {
        const token = push('string', '', startLine, col, startLine + 1);
        const terminator = (lang === 'ruby' ? m[3] : m[2]) as string;
        heredocs.push({ token, terminator, indented: lang === 'php' || m[1] !== '' });
        i = re.lastIndex;
        continue;
      }
    }

    // Triple-quoted strings: Python ''' """, Elixir """ ''', C# raw """.
    if ((lang === 'python' || lang === 'elixir' || lang === 'csharp') && (text.startsWith('"""', i) || text.startsWith("'''", i))) {
      const q = text.slice(i, i + 3);
      if (lang !== 'csharp' || q === '"""') {
        const value = readQuoted(q, { escapes: lang !== 'csharp', interp: lang === 'elixir' ? '#{' : undefined });
        push('string', value, startLine, col);
        continue;
      }
    }

    // Python string prefixes (r, b, f, rb, u...).
    if (lang === 'python') {
      const m = /([rRbBuUfF]{1,2})(?=['"])/y;
      m.lastIndex = i;
      const pm = m.exec(text);
      if (pm) {
        const prefix = (pm[1] as string).toLowerCase();
        i += prefix.length;
        const triple = text.startsWith('"""', i) || text.startsWith("'''", i);
        const q = triple ? text.slice(i, i + 3) : (text[i] as string);
        const value = readQuoted(q, { escapes: !prefix.includes('r'), interp: prefix.includes('f') ? '{' : undefined });
        push('string', value, startLine, col);
        continue;
      }
    }

    // C# verbatim / interpolated strings: @"..." $"..." $@"..." @$"...".
    if (lang === 'csharp') {
      const m = /(\$@|@\$|@|\$)"/y;
      m.lastIndex = i;
      const cm = m.exec(text);
      if (cm) {
        const prefix = cm[1] as string;
        i += prefix.length;
        const value = readQuoted('"', {
          escapes: !prefix.includes('@'),
          doubledQuote: prefix.includes('@'),
          interp: prefix.includes('$') ? '{' : undefined,
        });
        push('string', value, startLine, col);
        continue;
      }
    }

    // Elixir sigils: ~s(...), ~S"...", ~s[...]...
    if (lang === 'elixir' && c === '~' && /[a-zA-Z]/.test(text[i + 1] ?? '')) {
      const open = text[i + 2] ?? '';
      const close = ({ '(': ')', '[': ']', '{': '}', '<': '>' } as Record<string, string>)[open] ?? open;
      if (open !== '') {
        const triple = text.startsWith(open.repeat(3), i + 2) && (open === '"' || open === "'");
        i += 2;
        let value: string;
        if (triple) value = readQuoted(open.repeat(3), { escapes: false });
        else {
          i++;
          const end = text.indexOf(close, i);
          const stop = end === -1 ? n : end;
          value = text.slice(i, stop);
          advance(stop + 1);
        }
        // Sigil modifiers (~w(...)a).
        while (i < n && /[a-z]/.test(text[i] as string)) i++;
        push('string', value, startLine, col);
        continue;
      }
    }

    // Ruby %q(...) %Q{...} %(...) literals.
    if (lang === 'ruby' && c === '%' && /[qQ]?[([{<]/y.test(text.slice(i + 1, i + 3))) {
      let k = i + 1;
      if (text[k] === 'q' || text[k] === 'Q') k++;
      const open = text[k] as string;
      const close = ({ '(': ')', '[': ']', '{': '}', '<': '>' } as Record<string, string>)[open] as string;
      let depth = 0;
      let e = k;
      for (; e < n; e++) {
        if (text[e] === open) depth++;
        else if (text[e] === close && --depth === 0) break;
      }
      const value = text.slice(k + 1, e);
      advance(e + 1);
      push('string', value, startLine, col);
      continue;
    }

    if (c === '"' || c === "'" || (c === '`' && (lang === 'js' || lang === 'ruby'))) {
      let interp: string | undefined;
      if (c === '"' && (lang === 'ruby' || lang === 'elixir')) interp = '#{';
      if (c === '`' && lang === 'js') interp = '${';
      if (c === '"' && lang === 'php') interp = '{$';
      // C# char literals and everything else: plain escapes.
      const value = readQuoted(c, { escapes: true, interp });
      push('string', lang === 'php' && c === '"' ? value.replace(/\$[A-Za-z_][A-Za-z0-9_]*/g, INTERPOLATION) : value, startLine, col);
      continue;
    }

    // Symbols and atoms: Ruby :users, Elixir :users / :"quoted".
    if ((lang === 'ruby' || lang === 'elixir') && c === ':' && text[i + 1] !== ':' && text[i - 1] !== ':') {
      const prev = text[i - 1] ?? ' ';
      if (!WORD_CHAR.test(prev) && prev !== ')' && prev !== ']') {
        if (text[i + 1] === '"') {
          i++;
          const value = readQuoted('"', { escapes: true });
          push('symbol', value, startLine, col);
          continue;
        }
        const m = /[A-Za-z_][A-Za-z0-9_]*[?!]?/y;
        m.lastIndex = i + 1;
        const sm = m.exec(text);
        if (sm) {
          push('symbol', sm[0], startLine, col);
          i = m.lastIndex;
          continue;
        }
      }
    }

    if (/[0-9]/.test(c)) {
      const m = /[0-9][0-9_a-zA-Z.]*/y;
      m.lastIndex = i;
      const nm = m.exec(text) as RegExpExecArray;
      push('number', nm[0], startLine, col);
      i = m.lastIndex;
      continue;
    }
    if (WORD_START.test(c)) {
      let k = i + 1;
      while (k < n && WORD_CHAR.test(text[k] as string)) k++;
      // Ruby and Elixir method names may end in ? or ! (`execute!`), never followed by `=`.
      if ((lang === 'ruby' || lang === 'elixir') && (text[k] === '?' || text[k] === '!') && text[k + 1] !== '=') k++;
      push('word', text.slice(i, k), startLine, col);
      i = k;
      continue;
    }
    const multi = MULTI_PUNCT.find((p) => text.startsWith(p, i));
    if (multi) {
      push('punct', multi, startLine, col);
      i += multi.length;
      continue;
    }
    push('punct', c, startLine, col);
    i++;
  }
  return tokens;
}
