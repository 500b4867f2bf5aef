/**
 * Which files hold commands: `package.json` scripts and GitHub Actions workflows. Kept apart from
 * `walk.ts` (which needs the YAML parser) so that rules can test paths without loading it.
 */

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
export const isWorkflow = (path: string): boolean => /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path);
export const isPackageJson = (path: string): boolean => baseOf(path) === 'package.json' && !path.split('/').includes('node_modules');
