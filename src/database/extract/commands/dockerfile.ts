// Dockerfiles: RUN instructions are shell (or an exec-form JSON array); ENV sets variables
// for the RUN lines after it, so `ENV RAILS_ENV=production` makes a later `rails db:reset` critical.

import type { Extractor } from '../types.js';
import { analyzeScript } from './shell-commands.js';

export function dockerfileToShell(text: string): { script: string; vars: Map<string, string> } {
  const vars = new Map<string, string>();
  const lines = text.split('\n');
  const out: string[] = [];
  let mode: 'none' | 'run' | 'other' = 'none';
  let heredoc: string | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (heredoc !== undefined) {
      out.push(line);
      if (line.trim() === heredoc) heredoc = undefined;
      continue;
    }
    if (mode !== 'none') {
      out.push(mode === 'run' ? line : '');
      if (!/\\$/.test(line)) mode = 'none';
      continue;
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    const instruction = m?.[1]?.toUpperCase();
    if (!m || line.trim().startsWith('#')) {
      out.push('');
      continue;
    }
    const rest = m[2] as string;
    if (instruction === 'RUN') {
      let body = rest.replace(/^(--[\w-]+=\S+\s+)+/, '');
      if (body.trim().startsWith('[')) {
        try {
          const argv = JSON.parse(body) as unknown;
          if (Array.isArray(argv)) body = argv.map((a) => `'${String(a).replace(/'/g, `'"'"'`)}'`).join(' ');
        } catch {
          // Not JSON: Docker runs it as shell too.
        }
      }
      out.push(body);
      const hd = /<<-?\s*['"]?([A-Za-z_]\w*)['"]?/.exec(body);
      if (hd) heredoc = hd[1];
      else if (/\\$/.test(line)) mode = 'run';
      continue;
    }
    if (instruction === 'ENV' || instruction === 'ARG') {
      const pairs = rest.match(/([A-Za-z_]\w*)=("[^"]*"|'[^']*'|\S*)/g);
      if (pairs) for (const p of pairs) vars.set(p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1).replace(/^["']|["']$/g, ''));
      else {
        const legacy = /^([A-Za-z_]\w*)\s+(.*)$/.exec(rest);
        if (legacy) vars.set(legacy[1] as string, (legacy[2] as string).trim());
      }
    }
    out.push('');
    if (/\\$/.test(line)) mode = 'other';
  }
  return { script: out.join('\n'), vars };
}

export const dockerfileExtractor: Extractor = {
  name: 'dockerfile',
  appliesTo: (path) => /(^|\/)(Dockerfile|Containerfile)(\.[^/]+)?$|\.[Dd]ockerfile$/.test(path),
  extract: (text) => {
    const { script, vars } = dockerfileToShell(text);
    return analyzeScript(script, { source: 'dockerfile', env: vars });
  },
};
