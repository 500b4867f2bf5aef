import { describe, expect, it } from 'vitest';
import { browserFailure } from '../../src/gates/browser.js';
import { exampleResult, exampleRun } from '../../src/gates/examples.js';
import type { GateDefinition } from '../../src/gates/model.js';
import { plainProgress, terminalProgress } from '../../src/gates/progress.js';
import { describeResult, renderGateSummary } from '../../src/gates/summary.js';

const ESC = String.fromCharCode(27);

function gate(name: string): GateDefinition {
  return { name, kind: 'test', run: 'true', evidence: [], timeoutMs: 1000, env: {}, needs: [], maxSkipped: null, cwd: '' };
}

describe('browser start failures', () => {
  it.each([
    ["Error: browserType.launch: Executable doesn't exist at /ms-playwright/chromium-1140/chrome-linux/chrome", 'playwright'],
    ['╔════ Host system is missing dependencies to run browsers. ════╗', 'playwright deps'],
    ['Error: Could not find Chrome (ver. 131.0.6778.85). This can occur if either', 'puppeteer'],
    ['Error: Failed to launch the browser process!', 'puppeteer launch'],
    ['Cypress could not find a browser named chrome', 'cypress'],
    ['Browser: firefox was not found on your system or is not supported by Cypress.', 'cypress browser'],
    ['selenium.common.exceptions.SessionNotCreatedException: Message: session not created', 'selenium'],
    ['chrome: error while loading shared libraries: libnss3.so: cannot open shared object file', 'missing libraries'],
  ])('recognises %j (%s)', (line) => {
    expect(browserFailure(`Running 12 tests using 2 workers\n${line}\n  at run (x.js:1:1)`)).toBe(line.replace(/\s+/g, ' ').trim());
  });

  it.each([
    'Running 12 tests using 2 workers\n  12 passed (4.1s)',
    'launching the browser took 1.2s',
    'browserType is chromium',
  ])('does not flag ordinary output %j', (output) => {
    expect(browserFailure(output)).toBeNull();
  });
});

describe('progress display', () => {
  it('writes plain lines off a terminal', () => {
    let out = '';
    const display = plainProgress((text) => (out += text));
    display.gateStarted(gate('unit'));
    display.gateFinished(exampleResult({ name: 'unit', durationMs: 12_300 }));
    display.gateFinished(exampleResult({ name: 'lint', cached: true }));
    display.gateFinished(exampleResult({ name: 'e2e', state: 'not-run', reason: "not run: needs 'unit', which failed", exitCode: null, durationMs: 0 }));
    display.stop();
    expect(out).toBe("unit: started\nunit: passed in 12.3s\nlint: passed (cached)\ne2e: not run: needs 'unit', which failed\n");
  });

  it('redraws one line per gate in place on a terminal, without colour when asked', () => {
    let out = '';
    const display = terminalProgress([gate('build'), gate('unit')], (text) => (out += text), false);
    display.gateStarted(gate('build'));
    display.gateFinished(exampleResult({ name: 'build', durationMs: 1500 }));
    display.gateStarted(gate('unit'));
    display.gateFinished(exampleResult({ name: 'unit', state: 'failed', reason: 'exited 1', exitCode: 1, durationMs: 2000 }));
    display.stop();
    const frames = out.split(`${ESC}[2A`);
    expect(frames[0]).toBe(`${ESC}[2K· build  waiting\n${ESC}[2K· unit   waiting\n`);
    expect(frames.at(-1)).toBe(`${ESC}[2K✓ build  passed in 1.5s\n${ESC}[2K✗ unit   failed in 2s: exited 1\n`);
    expect(frames.some((frame) => /running \d+ms/.test(frame))).toBe(true);
    expect(out).not.toContain(`${ESC}[3`);
    // Stopping twice does not draw again (the summary is written below the display).
    const length = out.length;
    display.stop();
    expect(out.length).toBe(length);
  });

  it('cuts lines to the terminal width so redrawing stays in place', () => {
    let out = '';
    const display = terminalProgress([gate('e2e')], (text) => (out += text), false, 40);
    display.gateFinished(exampleResult({ name: 'e2e', state: 'failed', reason: "could not start its browser: browserType.launch: Executable doesn't exist", durationMs: 2000 }));
    display.stop();
    const last = out.split(`${ESC}[1A`).at(-1)!;
    expect(last).toBe(`${ESC}[2K✗ e2e   failed in 2s: could not start i…\n`);
    expect(last.length - `${ESC}[2K`.length - 1).toBeLessThanOrEqual(40);
  });

  it('colours states when asked', () => {
    let out = '';
    const display = terminalProgress([gate('unit')], (text) => (out += text), true);
    display.gateFinished(exampleResult({ name: 'unit' }));
    display.stop();
    expect(out).toContain(`${ESC}[32m✓${ESC}[0m`);
  });
});

describe('renderGateSummary', () => {
  it('never shows a gate that did not run as passed, and counts each state', () => {
    const run = exampleRun('abc', [
      exampleResult({ name: 'build', cached: true }),
      exampleResult({ name: 'unit', state: 'timed-out', reason: 'timed out after 10m', exitCode: null, durationMs: 600_000, outputTail: 'still running…' }),
      exampleResult({ name: 'e2e', state: 'not-run', reason: "not run: needs 'unit', which timed out", exitCode: null, durationMs: 0 }),
    ]);
    const text = renderGateSummary(run);
    expect(text).toContain('Gates on the working tree (tree abc000000000)');
    expect(text).toMatch(/✓ build\s+passed\s+cached/);
    expect(text).toMatch(/✗ unit\s+timed out\s+10m\s+timed out after 10m/);
    expect(text).toMatch(/✗ e2e\s+not run\s+-\s+not run: needs 'unit', which timed out/);
    expect(text).toContain('│ still running…');
    expect(text).toContain('3 gates: 1 passed, 1 timed out, 1 not run (1 from cache)');
    expect(describeResult(run.results[1]!)).toBe('timed out in 10m: timed out after 10m');
  });
});
