/**
 * The report formats, with one entry point that dispatches to them (`renderFormat`, which loads
 * only the chosen renderer). Every renderer is a pure function of the AuditResult that returns
 * the complete output, ending with a newline.
 */
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';
import { REPORT_FORMATS, type ReportFormat } from './formats.js';

export { REPORT_FORMATS, renderFormat, type RenderOptions, type ReportFormat } from './formats.js';

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}

export type { SarifRuleMeta } from './sarif.js';
export type { TextOptions } from './text.js';
export type { MarkdownOptions } from './markdown.js';
export { renderGithub, renderJson, renderMarkdown, renderSarif, renderText };
