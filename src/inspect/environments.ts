/**
 * The environments a CI runs a test in, for skip conditions: each platform runners provide
 * (Linux, macOS, Windows) with every environment variable the condition reads set or unset.
 * Shared by the JS and Python condition evaluators.
 */

export const CI_PLATFORMS = ['linux', 'darwin', 'win32'] as const;
export type CiPlatform = (typeof CI_PLATFORMS)[number];

/** More variables than this are not enumerated (2^n environments): the condition stays unknown. */
export const MAX_VARIABLES = 6;

/**
 * Whether a condition is true in every environment, false in every one, or either (`null`, also
 * when `holds` cannot decide one environment). `holds` gets the platform and, for each variable,
 * `'true'` (set) or undefined (unset).
 */
export function acrossEnvironments(
  readsPlatform: boolean,
  variables: readonly string[],
  holds: (platform: CiPlatform, values: ReadonlyMap<string, string | undefined>) => boolean | null,
): boolean | null {
  if ((!readsPlatform && variables.length === 0) || variables.length > MAX_VARIABLES) return null;
  let seen: boolean | null = null;
  for (const platform of readsPlatform ? CI_PLATFORMS : (['linux'] as const)) {
    for (let mask = 0; mask < 1 << variables.length; mask++) {
      const values = new Map(variables.map((name, i) => [name, mask & (1 << i) ? 'true' : undefined]));
      const result = holds(platform, values);
      if (result === null) return null;
      if (seen === null) seen = result;
      else if (seen !== result) return null;
    }
  }
  return seen;
}
