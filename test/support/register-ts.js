// Lets a child process run the TypeScript sources as jest does (swc, same .swcrc, @cchc/* path aliases), so an
// integration test can start the real entry points (e.g. apps/worker/src/main.ts) as separate processes:
//   node -r ./test/support/register-ts.js apps/worker/src/main.ts
const { readFileSync } = require('fs');
const { join } = require('path');
const { addHook } = require('pirates');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8'));
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: join(root, compilerOptions.baseUrl ?? '.'), paths: compilerOptions.paths });
addHook((code, filename) => transformSync(code, { ...swcrc, swcrc: false, filename, sourceMaps: false }).code, {
  exts: ['.ts'],
  ignoreNodeModules: true,
});
