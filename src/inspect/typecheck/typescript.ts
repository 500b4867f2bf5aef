import type { ConfigSource } from '../config-source.js';
import type { TsGate, TsProject, Unresolved } from './model.js';
import { isTsconfigName, tsGateUses } from './ts-gates.js';
import { resolveConfig, typescriptVersion } from './tsconfig.js';

/**
 * The tsconfigs a revision's gates type-check, each with its chain resolved: those named by
 * `tsc` commands (with `tsc -b` following `references` transitively), or, when no script or
 * workflow runs tsc, every `tsconfig*.json` outside node_modules.
 */
export function readTypeScript(source: ConfigSource): { projects: TsProject[]; selection: 'gates' | 'every-config'; unresolved: Unresolved[] } {
  const { uses, commands, unresolved } = tsGateUses(source);
  const wanted = new Map<string, { gates: TsGate[]; cliOptions: TsProject['cliOptions'] }>();
  const add = (config: string, gate: TsGate, cliOptions: TsProject['cliOptions']): boolean => {
    const entry = wanted.get(config);
    if (entry) {
      if (!entry.gates.some((g) => g.site === gate.site)) entry.gates.push(gate);
      Object.assign(entry.cliOptions, cliOptions);
      return false;
    }
    wanted.set(config, { gates: [gate], cliOptions: { ...cliOptions } });
    return true;
  };
  const selection = commands > 0 ? 'gates' : 'every-config';
  if (selection === 'every-config') {
    for (const path of source.paths) if (isTsconfigName(path)) add(path, { how: 'every-config', site: '', origin: null }, {});
  }
  const projects = new Map<string, TsProject>();
  const resolve = (config: string): TsProject => {
    let project = projects.get(config);
    if (!project) {
      const resolved = resolveConfig(source, config);
      project = { ...resolved, typescript: typescriptVersion(source, config), gates: [], cliOptions: {} };
      projects.set(config, project);
    }
    return project;
  };
  for (const use of uses) {
    // `tsc -b` builds the referenced projects first, with their own options (command-line options apply to all).
    const queue: { config: string; gate: TsGate }[] = [{ config: use.config, gate: use.gate }];
    while (queue.length > 0) {
      const { config, gate } = queue.shift()!;
      const fresh = add(config, gate, use.cliOptions);
      // A referenced project's gate points at the reference, so a dropped reference is found at its line.
      if (use.build && fresh) queue.push(...resolve(config).references.map((ref) => ({ config: ref.path, gate: { ...use.gate, origin: ref.origin, reference: true } })));
    }
  }
  for (const [config, entry] of wanted) {
    const project = resolve(config);
    project.gates = entry.gates;
    project.cliOptions = entry.cliOptions;
  }
  return { projects: [...wanted.keys()].sort().map((config) => projects.get(config)!), selection, unresolved };
}
