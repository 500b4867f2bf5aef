import { gateKindOfScriptName, readScript, type ScriptInput, type ScriptScope, type ToolCommand } from './gate-commands.js';
import type { HookEntry } from './hooks.js';
import type { ScriptsFacts } from './project-inspector.js';

/**
 * Script scopes and gate entry points of a revision: which package scripts are gate scripts
 * (by name, or because CI or a git hook calls them), and every gate command those run.
 */

const scopes = new WeakMap<ScriptsFacts, Map<string, ScriptScope>>();

/** The scope of a directory: `npm run X` resolves in that directory's package.json; workspaces are the package.json directories below it. */
export function scopeOf(facts: ScriptsFacts, dir: string): ScriptScope {
  let byDir = scopes.get(facts);
  if (!byDir) scopes.set(facts, (byDir = new Map<string, ScriptScope>()));
  let scope = byDir.get(dir);
  if (!scope) {
    const scriptsByDir = new Map<string, ReadonlyMap<string, string>>();
    const allDirs = [...facts.packages.keys()].sort();
    scope = {
      dir,
      packageScripts: (at) => {
        const pkg = facts.packages.get(at);
        if (!pkg) return null;
        let map = scriptsByDir.get(at);
        if (!map) scriptsByDir.set(at, (map = new Map([...pkg.scripts].map(([name, entry]) => [name, entry.text]))));
        return map;
      },
      workspaceDirs: (at) => allDirs.filter((candidate) => candidate !== at && (at === '' || candidate.startsWith(`${at}/`))),
    };
    byDir.set(dir, scope);
  }
  return scope;
}

export interface ScriptRefKey {
  dir: string;
  name: string;
}

/** The script input of a hook entry. */
export function hookInput(facts: ScriptsFacts, hook: HookEntry): ScriptInput {
  return { script: hook.script, firstLine: hook.line, scope: scopeOf(facts, ''), errexit: hook.errexit };
}

/**
 * Package scripts that are gate scripts: named as one (`test`, `lint`, `typecheck`, `check`, `ci`,
 * `verify`, `validate`, `test:*`, `lint:*`…), or called directly by a workflow `run:` step or a
 * git hook that runs. Scripts those call are followed when the entry points are read.
 */
export function gateScriptEntries(facts: ScriptsFacts): ScriptRefKey[] {
  const seen = new Set<string>();
  const out: ScriptRefKey[] = [];
  const add = (dir: string, name: string): void => {
    const id = `${dir}\0${name}`;
    if (seen.has(id) || !facts.packages.get(dir)?.scripts.has(name)) return;
    seen.add(id);
    out.push({ dir, name });
  };
  for (const pkg of [...facts.packages.values()].sort((a, b) => a.file.localeCompare(b.file))) for (const name of pkg.scripts.keys()) if (gateKindOfScriptName(name) !== null) add(pkg.dir, name);
  for (const tool of callerTools(facts)) if (tool.via[0]) add(tool.via[0].dir, tool.via[0].name);
  return out;
}

const callerCache = new WeakMap<ScriptsFacts, ToolCommand[]>();

/** Tool commands run by workflow steps and by git hooks that run (through the scripts they call). */
export function callerTools(facts: ScriptsFacts): ToolCommand[] {
  let tools = callerCache.get(facts);
  if (!tools) {
    tools = [];
    for (const step of facts.steps) tools.push(...readScript({ script: step.run, firstLine: step.line, scope: scopeOf(facts, step.dir), errexit: true }).tools);
    for (const hook of facts.hooks) if (hook.skipped === null) tools.push(...readScript(hookInput(facts, hook)).tools);
    callerCache.set(facts, tools);
  }
  return tools;
}

const allCache = new WeakMap<ScriptsFacts, ToolCommand[]>();

/** Every gate command the revision's gate scripts, workflow steps and hooks run. */
export function allGateTools(facts: ScriptsFacts): ToolCommand[] {
  let tools = allCache.get(facts);
  if (!tools) {
    tools = [...callerTools(facts)];
    for (const { dir, name } of gateScriptEntries(facts)) {
      const entry = facts.packages.get(dir)?.scripts.get(name);
      if (entry) tools.push(...readScript({ script: entry.text, firstLine: entry.line, scope: scopeOf(facts, dir) }).tools.map((tool) => ({ ...tool, via: [{ dir, name }, ...tool.via] })));
    }
    tools = tools.filter((tool) => tool.gate);
    allCache.set(facts, tools);
  }
  return tools;
}

/**
 * Whether two revisions' scripts, workflow steps and hooks are the same texts in the same places
 * (a version bump, a dependency added). The rules then have nothing to compare and parse nothing:
 * WebAssembly parse calls measurably slow the rest of an audit (see `shellCommands`).
 */
export function sameScriptInputs(base: ScriptsFacts, head: ScriptsFacts): boolean {
  const packages = (facts: ScriptsFacts): string => JSON.stringify([...facts.packages.values()].map((pkg) => [pkg.file, [...pkg.scripts].map(([name, entry]) => [name, entry.text])]).sort());
  const steps = (facts: ScriptsFacts): string => JSON.stringify(facts.steps.map((step) => [step.file, step.dir, step.run]));
  const hooks = (facts: ScriptsFacts): string => JSON.stringify(facts.hooks.map((hook) => [hook.hook, hook.manager, hook.name, hook.script, hook.errexit, hook.skipped, hook.filters]));
  return packages(base) === packages(head) && steps(base) === steps(head) && hooks(base) === hooks(head) && base.problems.length === head.problems.length;
}
