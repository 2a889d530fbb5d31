import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const NODE_IO = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net'];

/**
 * The layers of src/ and the layers each may import (docs/architecture.md). Everything else is a
 * wrong-way import. The entry points (src/index.ts, src/lint/index.ts, src/runtime/index.ts) are
 * facades: src/index.ts may import any layer but cli, src/lint/index.ts also re-exports the lint
 * reporters of src/report.
 */
export const LAYERS = {
  core: [],
  codegen: ['core'],
  runtime: ['core'],
  lint: ['core'],
  sources: ['core'],
  report: ['core', 'runtime'],
  catalog: ['core', 'codegen', 'runtime', 'report'],
  app: ['core', 'codegen', 'runtime', 'lint', 'sources', 'catalog'],
  cli: ['core', 'codegen', 'runtime', 'lint', 'sources', 'report', 'app', 'catalog'],
};

/** Files of a layer that are allowed one more layer than the rest of it. */
const FACADE_EXCEPTIONS = { lint: { file: 'index.ts', also: ['report'] } };

function layerZones() {
  const zones = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    const forbidden = Object.keys(LAYERS).filter((other) => other !== layer && !allowed.includes(other));
    const facade = FACADE_EXCEPTIONS[layer];
    const message = `src/${layer} may import ${allowed.length > 0 ? `only src/{${allowed.join(',')}}` : 'nothing but itself'} (docs/architecture.md)`;
    for (const other of forbidden) {
      const target = facade?.also.includes(other) ? [`./src/${layer}/!(${facade.file.replace(/\.ts$/, '')}).ts`, `./src/${layer}/*/**`] : `./src/${layer}`;
      zones.push({ target, from: `./src/${other}`, message });
    }
    zones.push({ target: `./src/${layer}`, from: './src/index.ts', message: 'the public entry point src/index.ts is not for use inside src/' });
  }
  zones.push({ target: './src/index.ts', from: './src/cli', message: 'the library entry point does not import the CLI' });
  return zones;
}

export default tseslint.config(
  { ignores: ['dist/**', 'generated/**', 'node_modules/**', 'bench/.data/**', 'examples/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Layer rules: which folder of src/ may import which (LAYERS above), and no import cycles.
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver': undefined,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The core is pure: strings and objects in, data out. I/O lives in src/sources and src/cli.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_IO.map((name) => ({ name, message: 'src/core is pure: do I/O in src/sources or src/cli.' })),
        patterns: [{ group: ['yaml', 'ts-morph', 'typescript', 'googleapis', 'commander'], message: 'src/core depends on nothing but itself.' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure.' }, { name: 'console', message: 'src/core is pure.' }],
    },
  },
  {
    // The catalog generator (`trackplan docs`) is pure too: data in, a map of file contents out.
    files: ['src/catalog/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: NODE_IO.map((name) => ({ name, message: 'src/catalog is pure: read files in src/sources, write them in src/cli.' })) }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/catalog is pure.' }, { name: 'console', message: 'src/catalog is pure.' }],
    },
  },
  {
    // The runtime ships inside apps: ajv, node built-ins and, for `stream`, the Redis client.
    files: ['src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        // Packages by allow-list (layers are the import-x zones above): ajv, re2js, and ioredis for `stream`.
        patterns: [{ regex: '^(?!\\.|node:|ajv(/|$)|ajv-formats(/|$)|re2js$|ioredis$)', message: 'src/runtime imports ajv, ajv-formats, re2js (linear-time patterns), ioredis (stream) and node built-ins only.' }],
      }],
    },
  },
);
