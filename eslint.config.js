import tseslint from 'typescript-eslint';

const NODE_IO = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'http', 'node:http', 'https', 'node:https', 'net', 'node:net'];

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
    // The core is pure: strings and objects in, data out. I/O lives in src/sources and src/cli.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: NODE_IO.map((name) => ({ name, message: 'src/core is pure: do I/O in src/sources or src/cli.' })),
        patterns: [{ group: ['yaml', 'ts-morph', 'typescript', 'googleapis', 'commander', '../sources/*', '../cli/*', '../runtime/*', '../lint/*'], message: 'src/core depends on nothing but itself.' }],
      }],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure.' }, { name: 'console', message: 'src/core is pure.' }],
    },
  },
  {
    // The runtime ships inside apps: ajv, node built-ins and, for `stream`, the Redis client.
    files: ['src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../sources/*', '../cli/*', '../lint/*', '../../sources/*', '../../cli/*', '../../lint/*'], message: 'src/runtime does not depend on sources, cli or lint.' },
          { regex: '^(?!\\.|node:|ajv(/|$)|ajv-formats(/|$)|ioredis$)', message: 'src/runtime imports ajv, ajv-formats, ioredis (stream) and node built-ins only.' },
        ],
      }],
    },
  },
);
