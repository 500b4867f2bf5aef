/**
 * The report formats and one entry point that dispatches to them. Every renderer is a pure
 * function of the AuditResult that returns the complete output, ending with a newline.
 */
import type { AuditResult } from '../core/result.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import { REPORT_FORMATS, type RenderOptions, type ReportFormat } from './formats.js';

export { REPORT_FORMATS, renderFormat, type RenderOptions, type ReportFormat } from './formats.js';

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export function renderReport(format: ReportFormat, result: AuditResult, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(result, { color: options.color ?? false });
    case 'json':
      return renderJson(result);
    case 'markdown':
      return renderMarkdown(result);
    case 'sarif':
      return renderSarif(result, options.rules ?? []);
    case 'github':
      return renderGithub(result);
  }
}

export type { SarifRuleMeta } from './sarif.js';
export type { TextOptions } from './text.js';
export type { MarkdownOptions } from './markdown.js';
export { renderGithub, renderJson, renderMarkdown, renderSarif, renderText };
