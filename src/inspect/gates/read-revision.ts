import { isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import { isPackageJson, isWorkflow } from '../commands/files.js';
import type { RevisionFiles } from '../inspector.js';
import { mayAffectScripts } from './files.js';
import { readHooks } from './hooks.js';
import { readPackageScripts } from '../commands/package-scripts.js';
import type { PackageScripts, ScriptsFacts, WorkflowStep } from './project-inspector.js';

/** Reads the scripts, workflow steps and hooks of a revision (loaded lazily: it needs the YAML parser). */
export async function readScriptsFacts(revision: RevisionFiles): Promise<ScriptsFacts> {
  const files = revision.paths.filter(mayAffectScripts);
  const texts = await Promise.all(files.map((file) => revision.readText(file)));
  const packages = new Map<string, PackageScripts>();
  const steps: WorkflowStep[] = [];
  const problems: { file: string; line: number; message: string }[] = [];
  const read = new Map<string, string>();
  files.forEach((file, index) => {
    const text = texts[index];
    if (text === null || text === undefined) return;
    read.set(file, text);
    if (isPackageJson(file)) {
      const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      const scripts = readPackageScripts(text);
      if (scripts === null) problems.push({ file, line: 1, message: 'package.json is not valid JSON' });
      else packages.set(dir, { file, dir, scripts });
    } else if (isWorkflow(file)) steps.push(...readWorkflowSteps(file, text));
  });
  const hooks = readHooks(read, problems);
  return { packages, steps, hooks, problems };
}


const scalarText = (node: unknown): string | null => (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : null);

/** `run:` steps with their directory (step, job or workflow `working-directory`). Invalid YAML is left to the workflow rules. */
function readWorkflowSteps(file: string, text: string): WorkflowStep[] {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: false });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return [];
  const dirOf = (map: unknown): string | null => {
    if (!isMap(map)) return null;
    const defaults = map.get('defaults', true);
    const run = isMap(defaults) ? defaults.get('run', true) : undefined;
    return isMap(run) ? scalarText(run.get('working-directory', true)) : null;
  };
  const out: WorkflowStep[] = [];
  const jobs = doc.contents.get('jobs', true);
  if (!isMap(jobs)) return out;
  const workflowDir = dirOf(doc.contents) ?? '';
  for (const pair of jobs.items) {
    if (!isMap(pair.value)) continue;
    const jobDir = dirOf(pair.value) ?? workflowDir;
    const stepsNode = pair.value.get('steps', true);
    if (!isSeq(stepsNode)) continue;
    for (const step of stepsNode.items) {
      if (!isMap(step)) continue;
      const run = step.get('run', true) as YamlNode | undefined;
      const body = scalarText(run);
      if (body === null || !run) continue;
      const block = isScalar(run) && (run.type === Scalar.BLOCK_LITERAL || run.type === Scalar.BLOCK_FOLDED);
      const line = counter.linePos(run.range?.[0] ?? 0).line + (block ? 1 : 0);
      const dir = (scalarText(step.get('working-directory', true)) ?? jobDir).replace(/^\.\/?/, '').replace(/\/+$/, '');
      out.push({ file, line, dir, run: body });
    }
  }
  return out;
}
