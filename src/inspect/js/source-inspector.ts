import type { Inspector } from '../inspector.js';
import type { SourceFacts, TypeEscape } from '../source-facts.js';
import { extractCommentFacts } from './comments.js';
import { importedModule } from './imports.js';
import { createBindingCollector } from './module-bindings.js';
import { parseModeOf, parseSource } from './parse.js';
import { createTestCollector } from './tests.js';
import { typeEscapeOf } from './type-escapes.js';
import { walk } from './walk.js';

/**
 * Facts about one JS/TS source file (`.js .jsx .mjs .cjs .ts .tsx .mts .cts`, declaration files
 * included: a suppression in a `.d.ts` still silences the checker). One parse, one pass over
 * the comments and one walk of the tree.
 * @throws UnparseableError when the file does not parse, at the line of the first error.
 */
export function inspectJsSource(path: string, text: string): SourceFacts {
  const mode = parseModeOf(path);
  if (!mode) throw new Error(`not a JS/TS source file: ${path}`);
  const source = parseSource(path, text, mode);
  const { suppressions, coveragePragmas } = extractCommentFacts(source);
  const typeEscapes: TypeEscape[] = [];
  const imports = new Set<string>();
  const tests = createTestCollector(source);
  const bindings = createBindingCollector();
  walk(source.program, {
    enter(node, ancestors) {
      bindings.enter(node, ancestors);
      const escape = typeEscapeOf(node, ancestors, source);
      if (escape) typeEscapes.push(escape);
      const imported = importedModule(node);
      if (imported !== null) imports.add(imported);
      tests.enter(node, ancestors);
    },
    leave(node, ancestors) {
      tests.leave(node, ancestors);
    },
  });
  const { imports: importBindings, exports, reexports } = bindings.result();
  const exportedHelpers = tests.exportedHelpers(exports);
  return {
    language: 'js',
    suppressions,
    typeEscapes,
    coveragePragmas,
    tests: tests.result(importBindings),
    imports: [...imports],
    ...(exportedHelpers.length > 0 ? { exportedHelpers } : {}),
    ...(reexports.length > 0 ? { reexports } : {}),
  };
}

export const jsSourceInspector: Inspector<SourceFacts> = {
  id: 'js-source@3',
  appliesTo: (path) => parseModeOf(path) !== null,
  // The same bytes parse differently as `.ts` and `.tsx` (`<any>x`), as `.mjs` and `.cjs`…
  cacheKey: (path) => parseModeOf(path)?.extension ?? '',
  inspect: inspectJsSource,
};
