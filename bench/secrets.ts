/**
 * The secrets section of `npm run bench`: recall per detector on the generated fake keys, false
 * positives per detector on real code (the project's own node_modules), and throughput of
 * `detectSecrets` over both, next to the secretlint figure recorded in docs/secrets.md (secretlint
 * is not a dependency: it is measured separately, with the commands that page gives).
 *
 * `node dist/bench/secrets.js --write-corpus DIR` writes the same corpus to DIR, for secretlint.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { detectorKinds, detectSecrets } from '../src/inspect/secrets/engine.js';
import { redact } from '../src/core/redact.js';
import { secretSamples, type SecretSample } from './secrets-corpus.js';

/** Real code: text files of these kinds, up to this size each, until the corpus has this many bytes. */
const NEGATIVE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts', '.json', '.md', '.yml', '.yaml']);
const MAX_FILE = 256 * 1024;
const NEGATIVE_BYTES = 4 * 1024 * 1024;
/** Samples of every format in the positive corpus. */
const SAMPLES_PER_FORMAT = 20;

/** Recorded by hand with the commands in docs/secrets.md; the bench cannot run secretlint itself. */
export const SECRETLINT_RECORD = {
  date: '2026-11-26',
  machine: '2-core Intel Xeon, Node v20.20.2 (shared with other jobs)',
  version: 'secretlint 13.0.6 + @secretlint/secretlint-rule-preset-recommend 13.0.6, profiler disabled',
  /** Best of 3 in-process passes over the corpus, in each of six runs alternating with Gatehouse's. */
  mbPerSecond: 13.24,
  recall: '608/1100 files with a planted key, 0 files flagged in node_modules',
};

export interface CorpusFile {
  path: string;
  text: string;
  sample?: SecretSample;
}

function walk(dir: string, out: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && NEGATIVE_EXTENSIONS.has(path.extname(entry.name))) out.push(full);
  }
}

/**
 * A deterministic slice of node_modules: every n-th text file in path order, so the corpus
 * spans many packages rather than the first few alphabetically.
 */
export function negativeCorpus(root: string, bytes = NEGATIVE_BYTES): CorpusFile[] {
  const all: string[] = [];
  walk(path.join(root, 'node_modules'), all);
  const sized = all.map((file) => ({ file, size: statSync(file).size })).filter((entry) => entry.size > 0 && entry.size <= MAX_FILE);
  const total = sized.reduce((sum, entry) => sum + entry.size, 0);
  const step = Math.max(1, Math.floor(total / bytes));
  const files: CorpusFile[] = [];
  let taken = 0;
  for (let i = 0; i < sized.length && taken < bytes; i += step) {
    const { file } = sized[i]!;
    const text = readFileSync(file, 'utf8');
    files.push({ path: path.relative(root, file), text });
    taken += Buffer.byteLength(text);
  }
  return files;
}

export function positiveCorpus(): CorpusFile[] {
  return secretSamples(SAMPLES_PER_FORMAT).map((sample, i) => ({ path: `positives/${String(i).padStart(4, '0')}/${sample.path}`, text: sample.text, sample }));
}

interface SecretsResults {
  bytes: number;
  files: number;
  mbPerSecond: number;
  bestMs: number;
  perKind: { kind: string; label: string; found: number; total: number; falsePositives: number }[];
  falsePositives: string[];
}

export function measureSecrets(root: string, runs = 5): SecretsResults {
  const negatives = negativeCorpus(root);
  const positives = positiveCorpus();
  const corpus = [...negatives, ...positives];
  const bytes = corpus.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0);
  detectSecrets('warm-up: builds the combined expressions');
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const file of corpus) detectSecrets(file.text, file.path);
    times.push(performance.now() - start);
  }
  // The fastest pass: on a shared machine the others measure the neighbours' load, not the scan.
  const bestMs = Math.min(...times);
  const perKind = new Map(detectorKinds().map(({ kind, label }) => [kind, { kind, label, found: 0, total: 0, falsePositives: 0 }]));
  for (const { sample, text, path: file } of positives) {
    const entry = perKind.get(sample!.kind)!;
    entry.total++;
    if (detectSecrets(text, file).some((match) => match.kind === sample!.kind && match.value === sample!.value)) entry.found++;
  }
  const falsePositives: string[] = [];
  for (const { text, path: file } of negatives) {
    for (const match of detectSecrets(text, file)) {
      if (match.example) continue;
      perKind.get(match.kind)!.falsePositives++;
      falsePositives.push(`${file}:${match.line} ${match.kind} \`${redact(match.value)}\``);
    }
  }
  return { bytes, files: corpus.length, mbPerSecond: bytes / 1024 / 1024 / (bestMs / 1000), bestMs, perKind: [...perKind.values()], falsePositives };
}

export function renderSecretsSection(results: SecretsResults): string {
  const found = results.perKind.reduce((sum, kind) => sum + kind.found, 0);
  const total = results.perKind.reduce((sum, kind) => sum + kind.total, 0);
  const fp = results.perKind.reduce((sum, kind) => sum + kind.falsePositives, 0);
  const record = SECRETLINT_RECORD;
  const ratio = record.mbPerSecond > 0 ? ` — ${(results.mbPerSecond / record.mbPerSecond).toFixed(1)}× secretlint` : '';
  return [
    '## Secrets detectors',
    '',
    `Corpus: ${results.files.toLocaleString('en-US')} files, ${(results.bytes / 1024 / 1024).toFixed(1)} MiB (generated fake keys, ${SAMPLES_PER_FORMAT} of every format, mixed into text files of the project's node_modules).`,
    '',
    '| Detector | Recall | False positives in node_modules |',
    '| --- | --- | --- |',
    ...results.perKind.map((kind) => `| \`${kind.kind}\` (${kind.label}) | ${kind.found}/${kind.total} | ${kind.falsePositives} |`),
    `| **all** | **${found}/${total}** | **${fp}** |`,
    '',
    `- Gatehouse \`detectSecrets\`: ${results.mbPerSecond.toFixed(1)} MiB/s (best of 5 passes, ${Math.round(results.bestMs)} ms)${ratio}.`,
    record.mbPerSecond > 0
      ? `- secretlint, recorded ${record.date} on ${record.machine} (${record.version}): ${record.mbPerSecond.toFixed(2)} MiB/s on the same corpus, recall ${record.recall}. See docs/secrets.md to reproduce.`
      : '- secretlint: not recorded yet (see docs/secrets.md).',
    ...(results.falsePositives.length > 0 ? ['', 'Flagged in node_modules (each is documented in docs/secrets.md):', '', ...results.falsePositives.map((line) => `- ${line}`)] : []),
    '',
  ].join('\n');
}

/** Writes the corpus (negatives and positives) to a folder, with the expected values, for secretlint. */
function writeCorpus(root: string, out: string): void {
  const files = [...negativeCorpus(root), ...positiveCorpus()];
  const expected: { file: string; kind: string }[] = [];
  for (const file of files) {
    const target = path.join(out, file.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.text);
    if (file.sample) expected.push({ file: file.path, kind: file.sample.kind });
  }
  writeFileSync(path.join(out, 'expected.json'), `${JSON.stringify(expected, null, 1)}\n`);
  process.stderr.write(`bench: wrote ${files.length} files to ${out}\n`);
}

const projectRoot = (): string => path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const flag = process.argv.indexOf('--write-corpus');
  if (flag !== -1 && process.argv[flag + 1] !== undefined) writeCorpus(projectRoot(), path.resolve(process.argv[flag + 1]!));
  else process.stdout.write(renderSecretsSection(measureSecrets(projectRoot())));
}

export { projectRoot };
