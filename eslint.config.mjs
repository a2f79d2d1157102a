// ESLint flat config: typescript-eslint's recommended rules for all TypeScript, Prettier owns formatting,
// and import boundaries that keep the layers honest:
//   - workflows/ run inside Temporal's deterministic sandbox: no Node built-ins, no Nest, no TypeORM, no
//     class-validator, no client/worker/activity SDKs, no persistence or config; only @temporalio/workflow,
//     @cchc/domain and @cchc/contracts (and, for workflows/tracing-interceptors.ts, the workflow-side half of
//     @temporalio/interceptors-opentelemetry: its client, worker and plugin halves are Node code).
//   - libs/domain is plain TypeScript: no framework, no database, no Temporal.
//   - apps/web runs in the browser (React): browser globals, no Node built-ins, no server-side packages; it shares
//     only the pure domain (@cchc/domain) with the server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

const FRAMEWORKS = [
  { group: ['@nestjs/*'], message: 'No NestJS here: keep this layer framework-free.' },
  { group: ['typeorm', 'pg', '@cchc/persistence', '@cchc/persistence/*'], message: 'No database access here.' },
  { group: ['class-validator', 'class-transformer'], message: 'Validation DTOs belong to apps/api.' },
  { group: ['@cchc/config', '@cchc/config/*'], message: 'Configuration is read by the processes, not here.' },
  { group: ['@cchc/temporal', '@cchc/temporal/*'], message: 'Temporal clients belong to the processes.' },
  { group: ['express', 'nodemailer', 'exceljs', 'argon2'], message: 'No I/O libraries here.' },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'dist-bench/**',
      'dist-web-e2e/**',
      'test-results/**',
      'playwright-report/**',
      '.tools/**',
      '.data/**',
      'coverage/**',
      'dist/web/**',
      'apps/web/dist/**',
      'docs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((name) => [
            { name, message: 'Workflow code runs in a deterministic sandbox: no Node built-ins.' },
            { name: `node:${name}`, message: 'Workflow code runs in a deterministic sandbox: no Node built-ins.' },
          ]),
          patterns: [
            ...FRAMEWORKS,
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing'],
              message: 'Workflow code imports only @temporalio/workflow (and type-only contracts).',
              allowTypeImports: true,
            },
            {
              regex: '^@temporalio/interceptors-opentelemetry(?!/lib/(workflow|instrumentation)(/|$))',
              message: 'Only the workflow-side OpenTelemetry interceptors (lib/workflow) run in the sandbox.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((name) => [
            { name, message: 'The domain is pure: no Node built-ins.' },
            { name: `node:${name}`, message: 'The domain is pure: no Node built-ins.' },
          ]),
          patterns: [
            ...FRAMEWORKS,
            { group: ['@temporalio/*'], message: 'The domain knows nothing of Temporal.', allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Contracts are shared by workflows, the worker and the API: definitions only.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FRAMEWORKS,
            {
              group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
              message: 'Contracts may define workflow messages (@temporalio/workflow) only.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // The web app (React 19, TSX) runs in the browser.
    files: ['apps/web/**/*.{ts,tsx}'],
    ignores: ['apps/web/vite.config.mts'],
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        location: 'readonly',
        history: 'readonly',
        fetch: 'readonly',
        Response: 'readonly',
        Request: 'readonly',
        Headers: 'readonly',
        AbortSignal: 'readonly',
        HTMLElement: 'readonly',
        Event: 'readonly',
        KeyboardEvent: 'readonly',
        MouseEvent: 'readonly',
        requestAnimationFrame: 'readonly',
        Intl: 'readonly',
        process: 'off',
        require: 'off',
        module: 'off',
        __dirname: 'off',
        Buffer: 'off',
      },
    },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.flatMap((name) => [
            { name, message: 'The web app runs in the browser: no Node built-ins.' },
            { name: `node:${name}`, message: 'The web app runs in the browser: no Node built-ins.' },
          ]),
          patterns: [
            ...FRAMEWORKS,
            {
              group: ['@cchc/contracts', '@cchc/contracts/*', '@temporalio/*'],
              message: 'The browser talks to the API only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
