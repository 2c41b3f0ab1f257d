// Lint rules: ESLint's and typescript-eslint's recommended sets, no formatting rules (layout is left to the author).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'var/', '.wrangler/', 'dist/', 'test-artifacts/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a value left out on purpose, e.g. `const { id: _id, ...rest } = row`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The engine is read as the algorithm itself: small files and short functions (blank lines and comments not counted).
    files: ['src/domain/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Use cases (src/services) take their dependencies as a plain object and know nothing of the web framework or
    // of routes. Allowed from src/http for now: the request shapes in http/schemas (the validated input both the
    // API and the pages accept) and the caller's type in http/auth/principal.ts, which the authentication layer owns.
    files: ['src/services/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(hono|@hono/.*)(/.*)?$', message: 'Services take a Deps object (src/services/deps.ts), never a Hono context.' },
            {
              regex: '/http/(?!schemas/|auth/principal\\.js$)',
              message: 'Services must not depend on the HTTP layer; move the shared piece into src/services.',
            },
          ],
        },
      ],
    },
  },
  {
    // Pages reach the database only through use cases (src/services), the same ones the API calls; they may name the
    // record types (type-only imports).
    files: ['src/http/routes/web/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ regex: '/repos/', allowTypeImports: true, message: 'Web routes call a service in src/services, never a repository.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='get'][arguments.0.value='database']",
          message: 'Web routes reach the database through a service in src/services (serviceDeps(c)), never directly.',
        },
      ],
    },
  },
);
