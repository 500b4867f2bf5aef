import { isPackageJson, isWorkflow } from '../commands/files.js';
import { readWithSource } from '../config-source.js';
import type { ChangedPath, ProjectInspector } from '../inspector.js';
import type { GateClassifier } from './classifier.js';
import type { WorkflowFacts } from './model.js';

/** Files whose change can change what a workflow's steps run: workflows, actions, package.json scripts. */
export function mayBeWorkflowInput(file: string): boolean {
  return isWorkflow(file) || /(^|\/)action\.ya?ml$/.test(file) || isPackageJson(file);
}

/**
 * The workflow project inspector: expands every workflow of a revision into gate steps per
 * context. The expander and the gate classifier (tree-sitter-bash) load only when a change
 * touches a workflow, an action or a package.json, so other audits pay nothing for them.
 */
export function workflowProjectInspector(loadClassifier: () => Promise<GateClassifier>): ProjectInspector<WorkflowFacts> {
  return {
    id: 'workflows-project@1',
    affectedBy: (changed: readonly ChangedPath[]) => changed.some((entry) => [entry.basePath, entry.headPath].some((file) => file !== null && mayBeWorkflowInput(file))),
    collect: async (revision) => {
      const [classifier, { expandWorkflows }] = await Promise.all([loadClassifier(), import('./expand.js')]);
      await classifier.load();
      return readWithSource(revision, mayBeWorkflowInput, (source) => expandWorkflows(source, classifier));
    },
  };
}
