/**
 * Shareable configs by identity. Their rules are not read (they live in packages Gatehouse does
 * not load), so a change is judged by which configs it keeps: a config removed, or replaced by
 * one known to enable fewer rules, is a relaxation. The tables below are small on purpose and
 * listed on the rule's page.
 */

/**
 * Canonical identity of a shareable config from a package import and member path
 * (`typescript-eslint` + `default.configs.strictTypeChecked` → `typescript-eslint:strictTypeChecked`)
 * or from a legacy `extends` string (`plugin:@typescript-eslint/strict-type-checked` → the same).
 */
export function sharedFromImport(specifier: string, path: readonly string[]): string {
  const steps = path[0] === 'default' ? path.slice(1) : path;
  const rest = steps[0] === 'configs' ? steps.slice(1) : steps;
  const name = rest.filter((step) => step !== 'flat').join('.').replace(/^flat\//, '');
  return `${packageFamily(specifier)}:${camel(name)}`;
}

/** `eslint:recommended`, `plugin:react/recommended`, `next/core-web-vitals`, `airbnb`, `prettier`. */
export function sharedFromExtends(name: string): string {
  if (name === 'eslint:recommended') return '@eslint/js:recommended';
  if (name === 'eslint:all') return '@eslint/js:all';
  const plugin = /^plugin:((?:@[^/]+\/)?[^/]+)\/(.+)$/.exec(name);
  if (plugin) {
    const pluginName = plugin[1]!;
    const scoped = pluginName.startsWith('@');
    // ESLint's plugin naming: `@scope` → `@scope/eslint-plugin`, `@scope/name` → `@scope/eslint-plugin-name`, `name` → `eslint-plugin-name`.
    const [scope, rest] = splitFirst(pluginName);
    const pkg = scoped
      ? rest === '' ? `${scope}/eslint-plugin` : rest.startsWith('eslint-plugin') ? pluginName : `${scope}/eslint-plugin-${rest}`
      : pluginName.startsWith('eslint-plugin-') ? pluginName : `eslint-plugin-${pluginName}`;
    return `${packageFamily(pkg)}:${camel(plugin[2]!.replace(/^flat\//, ''))}`;
  }
  if (name.startsWith('plugin:')) return `${packageFamily(name.slice(7))}:`;
  // A config package: `next/core-web-vitals` is `eslint-config-next/core-web-vitals`.
  const scoped = /^(@[^/]+)(?:\/(.+))?$/.exec(name);
  if (scoped) {
    const [pkgPart, sub] = splitFirst(scoped[2] ?? '');
    const pkg = pkgPart.startsWith('eslint-config') ? `${scoped[1]}/${pkgPart}` : pkgPart === '' ? `${scoped[1]}/eslint-config` : `${scoped[1]}/eslint-config-${pkgPart}`;
    return `${packageFamily(pkg)}:${camel(sub)}`;
  }
  const [pkgPart, sub] = splitFirst(name);
  const pkg = pkgPart.startsWith('eslint-config-') ? pkgPart : `eslint-config-${pkgPart}`;
  return `${packageFamily(pkg)}:${camel(sub)}`;
}

function splitFirst(name: string): [string, string] {
  const slash = name.indexOf('/');
  return slash < 0 ? [name, ''] : [name.slice(0, slash), name.slice(slash + 1)];
}

/** One name per family: the plugin package and its flat-config wrapper are the same configs. */
function packageFamily(specifier: string): string {
  if (specifier === '@typescript-eslint/eslint-plugin' || specifier === 'typescript-eslint') return 'typescript-eslint';
  if (specifier === '@eslint/js' || specifier === 'eslint/use-at-your-own-risk') return '@eslint/js';
  const flat = specifier.replace(/\/flat$/, '');
  return flat;
}

/** `strict-type-checked` → `strictTypeChecked`, as typescript-eslint names the same config in both formats. */
function camel(name: string): string {
  return name.replace(/[-_]([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Known orders within a family: each config lists the configs it includes (transitively). A base
 * config is kept when head has it or a config that includes it. Plugins that follow the common
 * `recommended` < `strict` < `all` naming are ordered the same way.
 */
const INCLUDES: Record<string, Record<string, readonly string[]>> = {
  'typescript-eslint': {
    all: ['strictTypeChecked', 'strict', 'recommendedTypeChecked', 'recommended', 'stylisticTypeChecked', 'stylistic', 'strictTypeCheckedOnly', 'recommendedTypeCheckedOnly', 'stylisticTypeCheckedOnly'],
    strictTypeChecked: ['strict', 'recommendedTypeChecked', 'recommended', 'strictTypeCheckedOnly', 'recommendedTypeCheckedOnly'],
    strict: ['recommended'],
    strictTypeCheckedOnly: ['recommendedTypeCheckedOnly'],
    recommendedTypeChecked: ['recommended', 'recommendedTypeCheckedOnly'],
    stylisticTypeChecked: ['stylistic', 'stylisticTypeCheckedOnly'],
  },
  '@eslint/js': { all: ['recommended'] },
  'eslint-plugin-vue': {
    recommended: ['stronglyRecommended', 'essential'],
    stronglyRecommended: ['essential'],
    'vue2Recommended': ['vue2StronglyRecommended', 'vue2Essential'],
    'vue2StronglyRecommended': ['vue2Essential'],
  },
  'eslint-config-next': { coreWebVitals: [''], typescript: [] },
  biome: { all: ['recommended'] },
};

const GENERIC_ORDER: Record<string, readonly string[]> = { all: ['strict', 'recommended'], strict: ['recommended'] };

/** Whether head config `stronger` enables at least the rules of base config `weaker` (same family). */
export function sharedIncludes(stronger: string, weaker: string): boolean {
  if (stronger === weaker) return true;
  const [family, name] = splitId(stronger);
  const [otherFamily, otherName] = splitId(weaker);
  if (family !== otherFamily) return false;
  const table = INCLUDES[family] ?? GENERIC_ORDER;
  return (table[name] ?? []).includes(otherName);
}

function splitId(id: string): [string, string] {
  const colon = id.lastIndexOf(':');
  return [id.slice(0, colon), id.slice(colon + 1)];
}

/**
 * Shareable configs whose purpose is to turn rules off. Adding one is a relaxation even though
 * nothing is removed: `disableTypeChecked` switches off every type-aware rule for its files.
 * (eslint-config-prettier is not listed: it only turns off formatting rules a formatter owns.)
 */
export const RELAXING_SHARED = new Set(['typescript-eslint:disableTypeChecked']);

/**
 * Standard replacement pairs: a core rule turned off is not relaxed when the listed rule is at
 * least as strong for the same files. typescript-eslint's extension rules, the plugin moves of
 * eslint-plugin-import → import-x and eslint-plugin-node → n, and the core formatting rules that
 * moved to @stylistic.
 */
const TS_EXTENSION_RULES = [
  'class-methods-use-this', 'consistent-return', 'default-param-last', 'dot-notation', 'init-declarations', 'max-params', 'no-array-constructor',
  'no-dupe-class-members', 'no-empty-function', 'no-implied-eval', 'no-invalid-this', 'no-loop-func', 'no-loss-of-precision', 'no-magic-numbers',
  'no-redeclare', 'no-restricted-imports', 'no-shadow', 'no-unused-expressions', 'no-unused-vars', 'no-use-before-define', 'no-useless-constructor',
  'prefer-destructuring', 'prefer-promise-reject-errors', 'require-await',
];
const RENAMED: Record<string, readonly string[]> = {
  'no-throw-literal': ['@typescript-eslint/only-throw-error'],
  'no-return-await': ['@typescript-eslint/return-await'],
  '@typescript-eslint/no-throw-literal': ['@typescript-eslint/only-throw-error'],
  '@typescript-eslint/no-var-requires': ['@typescript-eslint/no-require-imports'],
  '@typescript-eslint/ban-types': ['@typescript-eslint/no-restricted-types', '@typescript-eslint/no-unsafe-function-type', '@typescript-eslint/no-wrapper-object-types'],
  'no-new-object': ['no-object-constructor'],
  'no-native-reassign': ['no-global-assign'],
  'no-negated-in-lhs': ['no-unsafe-negation'],
};
const STYLISTIC_RULES = [
  'array-bracket-newline', 'array-bracket-spacing', 'array-element-newline', 'arrow-parens', 'arrow-spacing', 'block-spacing', 'brace-style', 'comma-dangle',
  'comma-spacing', 'comma-style', 'computed-property-spacing', 'dot-location', 'eol-last', 'func-call-spacing', 'function-call-argument-newline',
  'function-paren-newline', 'generator-star-spacing', 'implicit-arrow-linebreak', 'indent', 'jsx-quotes', 'key-spacing', 'keyword-spacing',
  'linebreak-style', 'lines-around-comment', 'lines-between-class-members', 'max-len', 'max-statements-per-line', 'multiline-ternary', 'new-parens',
  'newline-per-chained-call', 'no-confusing-arrow', 'no-extra-parens', 'no-extra-semi', 'no-floating-decimal', 'no-mixed-operators',
  'no-mixed-spaces-and-tabs', 'no-multi-spaces', 'no-multiple-empty-lines', 'no-tabs', 'no-trailing-spaces', 'no-whitespace-before-property',
  'nonblock-statement-body-position', 'object-curly-newline', 'object-curly-spacing', 'object-property-newline', 'one-var-declaration-per-line',
  'operator-linebreak', 'padded-blocks', 'padding-line-between-statements', 'quote-props', 'quotes', 'rest-spread-spacing', 'semi', 'semi-spacing',
  'semi-style', 'space-before-blocks', 'space-before-function-paren', 'space-in-parens', 'space-infix-ops', 'space-unary-ops', 'spaced-comment',
  'switch-colon-spacing', 'template-curly-spacing', 'template-tag-spacing', 'wrap-iife', 'wrap-regex', 'yield-star-spacing',
];

/** Rules that take over a rule's job: `no-unused-vars` → `@typescript-eslint/no-unused-vars`. */
export function replacementsOf(rule: string): string[] {
  const out: string[] = [...(RENAMED[rule] ?? [])];
  if (TS_EXTENSION_RULES.includes(rule)) out.push(`@typescript-eslint/${rule}`);
  if (STYLISTIC_RULES.includes(rule)) out.push(`@stylistic/${rule}`, `@stylistic/js/${rule}`, `@stylistic/ts/${rule}`);
  const plugin = /^(import|node)\/(.+)$/.exec(rule);
  if (plugin) out.push(plugin[1] === 'import' ? `import-x/${plugin[2]}` : `n/${plugin[2]}`);
  const tsStylistic = /^@typescript-eslint\/(.+)$/.exec(rule);
  if (tsStylistic && STYLISTIC_RULES.includes(tsStylistic[1]!)) out.push(`@stylistic/${tsStylistic[1]}`, `@stylistic/ts/${tsStylistic[1]}`);
  return out;
}

/** For the rule's documentation page. */
export const REPLACEMENT_TABLE = [
  [`core rules typescript-eslint extends (\`no-unused-vars\`, \`no-shadow\`, \`no-redeclare\`, \`no-use-before-define\`, \`no-unused-expressions\`, \`no-empty-function\`, … ${TS_EXTENSION_RULES.length} in all)`, '`@typescript-eslint/<same name>`'],
  ['`no-throw-literal`, `@typescript-eslint/no-throw-literal`', '`@typescript-eslint/only-throw-error`'],
  ['`no-return-await`', '`@typescript-eslint/return-await`'],
  ['`@typescript-eslint/no-var-requires`', '`@typescript-eslint/no-require-imports`'],
  ['`@typescript-eslint/ban-types`', '`@typescript-eslint/no-restricted-types`, `no-unsafe-function-type`, `no-wrapper-object-types`'],
  ['deprecated core rules (`no-new-object`, `no-native-reassign`, `no-negated-in-lhs`)', '`no-object-constructor`, `no-global-assign`, `no-unsafe-negation`'],
  [`core formatting rules (\`indent\`, \`quotes\`, \`semi\`, \`max-len\`, … ${STYLISTIC_RULES.length} in all) and their \`@typescript-eslint/\` versions`, '`@stylistic/<name>`, `@stylistic/js/<name>`, `@stylistic/ts/<name>`'],
  ['`import/<rule>` (eslint-plugin-import)', '`import-x/<rule>`'],
  ['`node/<rule>` (eslint-plugin-node)', '`n/<rule>`'],
] as const;
