/**
 * Messages browser-driving tools print when the browser itself never started. A gate that says
 * this tested nothing in a browser, whatever its exit code: a headless run on a machine without
 * browsers installed is the classic "green" e2e job that ran zero pages.
 */
const BROWSER_START_FAILURES: readonly RegExp[] = [
  // Playwright: browsers not downloaded, or the launch itself failed.
  /Executable doesn't exist at/i,
  /browserType\.launch(?:PersistentContext)?:/,
  /Host system is missing dependencies to run browsers/i,
  /Looks like Playwright (?:Test )?(?:or Playwright )?was just installed or updated/i,
  // Puppeteer.
  /Could not find (?:Chrome|Chromium|Firefox|expected browser)/i,
  /Failed to launch the browser process/i,
  // Cypress.
  /could not find a browser/i,
  /Browser: .+ was not found on your system/i,
  /Cypress failed to start/i,
  /Your system is missing the dependency: Xvfb/i,
  // Selenium / WebDriver.
  /SessionNotCreatedException/,
  /cannot find (?:Chrome|Firefox) binary/i,
  // The usual Linux cause under all of them.
  /error while loading shared libraries: lib(?:nss3|atk|gbm|xkbcommon|asound|gtk)/i,
];

/** The first output line that says a browser could not be started, trimmed; null when none does. */
export function browserFailure(output: string): string | null {
  for (const line of output.split('\n')) {
    if (BROWSER_START_FAILURES.some((pattern) => pattern.test(line))) {
      const text = line.replace(/\s+/g, ' ').trim();
      return text.length > 200 ? `${text.slice(0, 199)}…` : text;
    }
  }
  return null;
}
