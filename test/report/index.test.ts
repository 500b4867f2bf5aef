import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS, isReportFormat, renderFormat } from '../../src/report/index.js';
import { renderGithub } from '../../src/report/github.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderSarif } from '../../src/report/sarif.js';
import { renderText } from '../../src/report/text.js';
import { RULES, blockResult } from './fixtures.js';

describe('renderFormat', () => {
  it('lists the five formats', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'markdown', 'sarif', 'github']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('html')).toBe(false);
  });

  it('dispatches to each renderer with its options', async () => {
    expect(await renderFormat('text', blockResult, { color: true, rules: RULES })).toBe(renderText(blockResult, { color: true }));
    expect(await renderFormat('text', blockResult)).toBe(renderText(blockResult, { color: false }));
    expect(await renderFormat('json', blockResult)).toBe(renderJson(blockResult));
    expect(await renderFormat('markdown', blockResult)).toBe(renderMarkdown(blockResult));
    expect(await renderFormat('sarif', blockResult, { rules: RULES })).toBe(renderSarif(blockResult, RULES));
    expect(await renderFormat('github', blockResult)).toBe(renderGithub(blockResult));
  });

  it('ends every format with exactly one newline and uses colour only in text when asked', async () => {
    for (const format of REPORT_FORMATS) {
      const out = await renderFormat(format, blockResult, { color: true, rules: RULES });
      expect(out.endsWith('\n')).toBe(true);
      expect(out.endsWith('\n\n')).toBe(false);
      if (format !== 'text') expect(out).not.toContain('\u001b');
    }
  });
});
