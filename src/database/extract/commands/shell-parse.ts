// A small POSIX-shell reader: enough to split a script into simple commands with their
// words unquoted, and to know what is a comment, a quoted string, a heredoc body or a pipe.
// `echo "never run rails db:drop"` is one command (`echo`) with one word, never a rails call.

export interface Word {
  /** The word with quotes removed (variables are kept as written: `$DATABASE_URL`). */
  value: string;
  line: number;
  /** Some part of the word was quoted. */
  quoted: boolean;
}

export interface Heredoc {
  body: string;
  /** Line of the body's first line. */
  line: number;
}

export interface SimpleCommand {
  words: Word[];
  line: number;
  /** Standard input given as a heredoc or here-string. */
  stdin?: Heredoc;
  /** The command whose output is piped into this one (`echo "..." | psql`). */
  pipedFrom?: SimpleCommand;
}

const OPERATORS = ['&&', '||', ';;', '|', ';', '&', '(', ')'];

/** Splits `text` into simple commands. `baseLine` is the line of `text`'s first line in its file. */
export function parseShell(text: string, baseLine = 1): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let i = 0;
  let line = baseLine;
  const n = text.length;
  let words: Word[] = [];
  let cmdLine = line;
  let stdin: Heredoc | undefined;
  let pipedFrom: SimpleCommand | undefined;
  const pending: Array<{ tag: string; strip: boolean; target: SimpleCommand | null; words: Word[] }> = [];
  let lastPiped = false;

  const finish = (piped: boolean): void => {
    if (words.length > 0 || stdin) {
      const cmd: SimpleCommand = { words, line: cmdLine };
      if (stdin) cmd.stdin = stdin;
      if (pipedFrom && lastPiped) cmd.pipedFrom = pipedFrom;
      out.push(cmd);
      for (const p of pending) if (p.target === null && p.words === words) p.target = cmd;
      pipedFrom = cmd;
    }
    lastPiped = piped;
    words = [];
    stdin = undefined;
  };

  const readHeredocs = (): void => {
    for (const p of pending.splice(0)) {
      const bodyLine = line;
      const lines: string[] = [];
      while (i < n) {
        const end = text.indexOf('\n', i);
        const raw = text.slice(i, end === -1 ? n : end).replace(/\r$/, '');
        i = end === -1 ? n : end + 1;
        line++;
        if ((p.strip ? raw.replace(/^\t+/, '') : raw).trim() === p.tag) break;
        lines.push(p.strip ? raw.replace(/^\t+/, '') : raw);
      }
      const doc: Heredoc = { body: lines.join('\n'), line: bodyLine };
      if (p.target) p.target.stdin = doc;
    }
  };

  while (i < n) {
    const c = text[i] as string;
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (c === '\n') {
      i++;
      finish(false);
      line++;
      if (pending.length > 0) readHeredocs();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end;
      continue;
    }
    // Heredoc and here-string redirections.
    const heredoc = /<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/y;
    heredoc.lastIndex = i;
    const hm = text.startsWith('<<<', i) ? null : heredoc.exec(text);
    if (hm) {
      if (words.length === 0) cmdLine = line;
      // The body is read after the line ends; it belongs to the command being built.
      const entry = { tag: hm[3] as string, strip: hm[1] === '-', target: null as SimpleCommand | null, words };
      pending.push(entry);
      i = heredoc.lastIndex;
      // Give the command a placeholder so an empty-word command (Dockerfile `RUN <<EOF`) still exists.
      stdin = stdin ?? { body: '', line };
      continue;
    }
    if (text.startsWith('<<<', i)) {
      i += 3;
      while (text[i] === ' ') i++;
      const w = readWord();
      if (w) stdin = { body: w.value, line: w.line };
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      i += op.length;
      finish(op === '|');
      continue;
    }
    // Other redirections: drop the operator and its target.
    const redir = /(\d*)(>>|>&|<&|>|<)/y;
    redir.lastIndex = i;
    const rm = redir.exec(text);
    if (rm) {
      i = redir.lastIndex;
      while (text[i] === ' ') i++;
      readWord();
      continue;
    }
    const w = readWord();
    if (w) {
      if (words.length === 0) cmdLine = w.line;
      words.push(w);
    }
  }
  finish(false);
  // Attach heredoc bodies to commands that ended before their bodies were read.
  return out;

  function readWord(): Word | undefined {
    let value = '';
    let quoted = false;
    const start = line;
    while (i < n) {
      const ch = text[i] as string;
      if (ch === '\\' && i + 1 < n) {
        if (text[i + 1] === '\n') {
          line++;
          i += 2;
          continue;
        }
        value += text[i + 1];
        i += 2;
        continue;
      }
      if (ch === "'") {
        quoted = true;
        const end = text.indexOf("'", i + 1);
        const stop = end === -1 ? n : end;
        const part = text.slice(i + 1, stop);
        line += part.split('\n').length - 1;
        value += part;
        i = stop + 1;
        continue;
      }
      if (ch === '$' && text[i + 1] === "'") {
        quoted = true;
        i += 2;
        while (i < n && text[i] !== "'") {
          if (text[i] === '\\' && i + 1 < n) {
            const e = text[i + 1] as string;
            value += e === 'n' ? '\n' : e === 't' ? '\t' : e;
            i += 2;
            continue;
          }
          if (text[i] === '\n') line++;
          value += text[i];
          i++;
        }
        i++;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        while (i < n && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1] as string)) {
            if (text[i + 1] === '\n') line++;
            else value += text[i + 1];
            i += 2;
            continue;
          }
          if (text[i] === '\n') line++;
          value += text[i];
          i++;
        }
        i++;
        continue;
      }
      if (ch === '$' && text[i + 1] === '(') {
        // Command substitution / arithmetic: keep it as text, balanced.
        let depth = 0;
        const s = i;
        for (; i < n; i++) {
          if (text[i] === '(') depth++;
          else if (text[i] === ')' && --depth === 0) break;
          else if (text[i] === '\n') line++;
        }
        i++;
        value += text.slice(s, i);
        continue;
      }
      if (' \t\r\n;&|()<>'.includes(ch)) break;
      value += ch;
      i++;
    }
    return value === '' && !quoted ? undefined : { value, line: start, quoted };
  }
}
