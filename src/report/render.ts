import type { Format } from '../cli/args.js';
import type { Verdict } from '../policy/decide.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export function render(verdict: Verdict, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(verdict);
    case 'markdown':
      return renderMarkdown(verdict);
    case 'sarif':
      throw new Error('--format sarif is not available yet');
    case 'text':
      return renderText(verdict);
  }
}
