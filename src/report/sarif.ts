import pkg from '../../package.json' with { type: 'json' };
import { CONFIG_PATH } from '../config/defaults.js';
import type { Finding, Severity } from '../core/types.js';
import type { Verdict } from '../policy/decide.js';
import { ruleMeta } from '../rules/index.js';
import { PROJECT_URL, ruleDocsUrl } from './links.js';

// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif) and other tools.

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/** FNV-1a, hex: a stable fingerprint so code scanning tracks a finding across runs. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function ruleDescriptor(id: string, sample: Finding): Record<string, unknown> {
  const meta = ruleMeta(id);
  const title = meta?.title ?? sample.message;
  const why = meta?.why ?? sample.why;
  const fix = meta?.fix ?? sample.fix;
  return {
    id,
    name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: why },
    helpUri: ruleDocsUrl(id),
    help: { text: `${why}\n\nHow to make it safe: ${fix}`, markdown: `**What can go wrong:** ${why}\n\n**How to make it safe:** ${fix}` },
    defaultConfiguration: { level: LEVEL[meta?.severity ?? sample.severity] },
    properties: { category: meta?.category ?? sample.category, tags: ['two-key', meta?.category ?? sample.category] },
  };
}

/**
 * The verdict as a SARIF log. Code scanning needs a location for every result, so a
 * finding about the whole pull request (timing, too large to verify) points at line 1 of
 * the Two-Key config, which is where its policy lives.
 */
export function renderSarif(verdict: Verdict): string {
  const ids = [...new Set(verdict.findings.map((f) => f.rule))].sort();
  const rules = ids.map((id) => ruleDescriptor(id, verdict.findings.find((f) => f.rule === id) as Finding));
  const results = verdict.findings.map((f) => {
    const uri = f.path ?? CONFIG_PATH;
    const text = f.path === null ? `${f.message} (applies to the whole pull request)` : f.message;
    return {
      ruleId: f.rule,
      ruleIndex: ids.indexOf(f.rule),
      level: LEVEL[f.severity],
      message: { text: `${text}\nWhat can go wrong: ${f.why}\nHow to make it safe: ${f.fix}` },
      locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, region: { startLine: f.line ?? 1 } } }],
      partialFingerprints: { 'twoKeyFinding/v1': fingerprint(`${f.rule}\0${f.path ?? ''}\0${f.message}`) },
      properties: { severity: f.severity, category: f.category },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Two-Key', informationUri: PROJECT_URL, semanticVersion: pkg.version, version: pkg.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        results,
        properties: { risk: verdict.risk, satisfied: verdict.satisfied, requiredApprovals: verdict.approvals.required },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
