import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { emptyCoverageFacts, type ConfigSource, type CoverageFacts, type CoverageMetric, type CoverageReader, type Threshold } from './model.js';

/**
 * Repository-specific coverage threshold files: JSON or YAML whose shape is coverage floors —
 * an object with numeric `lines` / `statements` / `functions` / `branches` (at least two of them,
 * each at most 100; negative numbers allowed, as vitest/jest read them), at the top or nested
 * per package or language — that a `package.json`, a workflow or a script file of the repository
 * refers to by path or file name. A file named like `*coverage*threshold*` or `*thresholds*`
 * (`.json`, `.yml`, `.yaml`) counts on its shape alone.
 *
 * Each floor becomes a Threshold: `tool: 'threshold-file'`, `scopeId` the file's path, `target`
 * the key path of the object holding the numbers (`packages.web`; `global` at the top level;
 * array items as `[name=web]` when they carry a `name`/`package`/`path`/`id`, else `[2]`),
 * `metric`, `value`, and the line of the number.
 */

const METRICS: readonly CoverageMetric[] = ['lines', 'statements', 'functions', 'branches'];
const DATA = /\.(json|ya?ml)$/i;
const SKIP_DIR = /(^|\/)(node_modules|vendor|dist|build|coverage|\.git|__snapshots__|fixtures?|__fixtures__|testdata)\//;
const NOT_THRESHOLDS = /^(package(-lock)?\.json|tsconfig.*\.json|jsconfig.*\.json|pnpm-lock\.yaml|composer\.(json|lock)|\.eslintrc.*|renovate\.json|coverage-(final|summary)\.json)$/i;
const NAMED = /coverage.*thresholds?|thresholds?/i;
const SCRIPT = /(^|\/)(scripts|tools|bin|ci|\.ci|\.github)\/.+\.(m?[jt]s|cjs|cts|sh|bash|py|rb)$|(^|\/)(Makefile|justfile|Taskfile\.ya?ml)$/;

const baseOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

function isReferencing(path: string): boolean {
  if (SKIP_DIR.test(path)) return false;
  return baseOf(path) === 'package.json' || /^\.github\/workflows\/[^/]+\.ya?ml$/.test(path) || SCRIPT.test(path);
}

function isCandidate(path: string): boolean {
  return DATA.test(path) && !SKIP_DIR.test(path) && !NOT_THRESHOLDS.test(baseOf(path)) && !path.startsWith('.github/workflows/');
}

/** Named like a threshold file: `*coverage*threshold*` or `*thresholds*`. */
export function namedLikeThresholds(path: string): boolean {
  const name = baseOf(path).replace(DATA, '');
  return NAMED.test(name) && (/coverage/i.test(name) || /thresholds/i.test(name));
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `text` mentions `path` (repository-relative) or its file name as a whole token. */
function mentions(text: string, path: string): boolean {
  const name = baseOf(path);
  return new RegExp(`(^|[^\\w.-])${escapeRegex(name)}($|[^\\w.-])`).test(text) || text.includes(path);
}

/** Threshold facts of one file's text when its shape is coverage floors; [] otherwise. */
export function thresholdsOfFile(path: string, text: string): Threshold[] | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0) return null;
  const found: Threshold[] = [];
  const walk = (node: unknown, keyPath: string): void => {
    if (isMap(node)) {
      const metrics: Threshold[] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        if (key === null) continue;
        const value = pair.value;
        if ((METRICS as readonly string[]).includes(key) && isScalar(value) && typeof value.value === 'number' && Number.isFinite(value.value) && value.value <= 100) {
          metrics.push({ tool: 'threshold-file', scopeId: path, target: keyPath === '' ? 'global' : keyPath, metric: key as CoverageMetric, value: value.value, origin: { file: path, line: counter.linePos((value as YamlNode).range?.[0] ?? 0).line } });
        } else {
          walk(value, keyPath === '' ? key : `${keyPath}.${key}`);
        }
      }
      // Any metric above 100 means these are counts (a stats file), not percentage floors.
      const counts = node.items.some((pair) => isScalar(pair.key) && (METRICS as readonly string[]).includes(String(pair.key.value)) && isScalar(pair.value) && typeof pair.value.value === 'number' && pair.value.value > 100);
      if (metrics.length >= 2 && !counts) found.push(...metrics);
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        let label = String(index);
        if (isMap(item)) {
          for (const key of ['name', 'package', 'path', 'id']) {
            const value = item.get(key);
            if (typeof value === 'string') {
              label = `${key}=${value}`;
              break;
            }
          }
        }
        walk(item, `${keyPath}[${label}]`);
      });
    }
  };
  walk(doc.contents, '');
  return found;
}

export const thresholdFilesReader = {
  tool: 'threshold-file',
  readsFile: (path: string) => isReferencing(path) || isCandidate(path),
  read(source: ConfigSource): CoverageFacts {
    const facts = emptyCoverageFacts();
    const referencing = source.paths.filter(isReferencing).map((path) => source.read(path) ?? '');
    for (const path of [...source.paths].filter(isCandidate).sort()) {
      const named = namedLikeThresholds(path);
      if (!named && !referencing.some((text) => mentions(text, path))) continue;
      const text = source.read(path);
      if (text === null) continue;
      const thresholds = thresholdsOfFile(path, text);
      if (thresholds === null) {
        if (named) facts.unresolved.push({ file: path, line: 1, setting: 'coverage thresholds', expression: baseOf(path), reason: 'invalid JSON or YAML' });
        continue;
      }
      facts.thresholds.push(...thresholds);
    }
    return facts;
  },
} satisfies CoverageReader;
