import type { Format } from '../cli/args.js';
import type { Verdict } from '../policy/decide.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export function render(verdict: Verdict, format: Format): string {
  switch (format) {
    case 'json':
      return renderJson(verdict);
    case 'markdown':
      return renderMarkdown(verdict);
    case 'sarif':
      return renderSarif(verdict);
    case 'text':
      return renderText(verdict);
  }
}
