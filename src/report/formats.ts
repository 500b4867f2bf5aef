import type { AuditResult } from '../core/result.js';
import type { SarifRuleMeta } from './sarif.js';

export const REPORT_FORMATS = ['text', 'json', 'markdown', 'sarif', 'github'] as const;

/** 'text' | 'json' | 'markdown' | 'sarif' | 'github' */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour in the text format; the CLI decides (TTY and no NO_COLOR). Default false. */
  color?: boolean;
  /** Rule metadata for SARIF's rule table. Rules named by findings but missing here are derived from the findings. */
  rules?: readonly SarifRuleMeta[];
}

/**
 * Render with only the chosen format's module loaded: the CLI prints one format per run, and
 * loading all five renderers is start-up time spent on every audit.
 */
export async function renderFormat(format: ReportFormat, result: AuditResult, options: RenderOptions = {}): Promise<string> {
  switch (format) {
    case 'text':
      return (await import('./text.js')).renderText(result, { color: options.color ?? false });
    case 'json':
      return (await import('./json.js')).renderJson(result);
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(result);
    case 'sarif':
      return (await import('./sarif.js')).renderSarif(result, options.rules ?? []);
    case 'github':
      return (await import('./github.js')).renderGithub(result);
  }
}
