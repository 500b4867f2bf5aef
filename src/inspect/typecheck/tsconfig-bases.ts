/**
 * Published tsconfig bases Gatehouse knows without `node_modules` (an audited revision normally
 * has none). Taken from github.com/tsconfig/bases at commit 270039f (2026-08-14), files
 * `bases/<name>.json`, which npm publishes as `@tsconfig/<name>/tsconfig.json`; the version is
 * the file's `_version` field where it has one. Only `compilerOptions` matter here (the bases set
 * no `include`/`exclude`/`files`). A base not in this table is reported as unresolvable.
 */
export interface PublishedBase {
  /** `@tsconfig/strictest@2.0.0`: what a finding says the value came from. */
  label: string;
  compilerOptions: Readonly<Record<string, unknown>>;
}

const node16Family = { strict: true, esModuleInterop: true, skipLibCheck: true, moduleResolution: 'node16', types: ['node'] };

const BASES: Readonly<Record<string, PublishedBase>> = {
  '@tsconfig/strictest': {
    label: '@tsconfig/strictest@2.0.0',
    compilerOptions: {
      strict: true,
      allowUnusedLabels: false,
      allowUnreachableCode: false,
      exactOptionalPropertyTypes: true,
      noFallthroughCasesInSwitch: true,
      noImplicitOverride: true,
      noImplicitReturns: true,
      noPropertyAccessFromIndexSignature: true,
      noUncheckedIndexedAccess: true,
      noUnusedLocals: true,
      noUnusedParameters: true,
      isolatedModules: true,
      esModuleInterop: true,
      skipLibCheck: true,
    },
  },
  '@tsconfig/recommended': {
    label: '@tsconfig/recommended (tsconfig/bases@270039f)',
    compilerOptions: { target: 'es2016', module: 'commonjs', esModuleInterop: true, forceConsistentCasingInFileNames: true, strict: true, skipLibCheck: true },
  },
  '@tsconfig/node16': { label: '@tsconfig/node16@16.1.0', compilerOptions: { lib: ['es2021'], module: 'node16', target: 'es2021', ...node16Family } },
  '@tsconfig/node18': { label: '@tsconfig/node18@18.2.0', compilerOptions: { lib: ['es2023'], module: 'node16', target: 'es2022', ...node16Family } },
  '@tsconfig/node20': { label: '@tsconfig/node20@20.1.0', compilerOptions: { lib: ['es2023'], module: 'nodenext', target: 'es2022', ...node16Family } },
  '@tsconfig/node22': {
    label: '@tsconfig/node22@22.0.0',
    compilerOptions: { lib: ['es2024', 'ESNext.Array', 'ESNext.Collection', 'ESNext.Iterator'], module: 'nodenext', target: 'es2022', ...node16Family },
  },
  '@tsconfig/node24': {
    label: '@tsconfig/node24@24.0.0',
    compilerOptions: { lib: ['es2024', 'ESNext.Array', 'ESNext.Collection', 'ESNext.Error', 'ESNext.Iterator', 'ESNext.Promise'], module: 'nodenext', target: 'es2024', ...node16Family },
  },
  '@tsconfig/vite-react': {
    label: '@tsconfig/vite-react@8.1.1',
    compilerOptions: {
      target: 'es2023',
      lib: ['ES2023', 'DOM'],
      module: 'esnext',
      types: ['vite/client'],
      allowArbitraryExtensions: true,
      skipLibCheck: true,
      moduleResolution: 'bundler',
      allowImportingTsExtensions: true,
      verbatimModuleSyntax: true,
      moduleDetection: 'force',
      noEmit: true,
      jsx: 'react-jsx',
      noUnusedLocals: true,
      noUnusedParameters: true,
      erasableSyntaxOnly: true,
      noFallthroughCasesInSwitch: true,
    },
  },
};

/**
 * The base an `extends` package specifier names: `@tsconfig/strictest`,
 * `@tsconfig/strictest/tsconfig.json` or `@tsconfig/strictest/tsconfig`; null when unknown.
 */
export function publishedBase(specifier: string): PublishedBase | null {
  const match = /^(@tsconfig\/[^/]+)(?:\/tsconfig(?:\.json)?)?$/.exec(specifier);
  return match ? (BASES[match[1]!] ?? null) : null;
}

export const PUBLISHED_BASE_NAMES: readonly string[] = Object.keys(BASES);
