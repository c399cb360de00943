// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/** An app's code reached by a relative path from outside it: `../../dossier/src/…`. */
const OTHER_APP = {
  regex: '^(\\.\\./)+(apps/)?[a-z-]+/src(/|$)',
  message: "An app never imports another app's code: share it through libs/ (the portal: the public API).",
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.mjs', '**/*.js', '**/db.generated.ts'] },
  eslint.configs.recommended,
  ...tseslint.configs.strict,
  prettier,
  {
    // Typed linting: each file is checked with the tsconfig that owns it (the root one, or
    // apps/portal's). Only the rules below need types, which keeps `npm run lint` quick.
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-extraneous-class': 'off', // Nest modules are decorated empty classes
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // Module boundaries: apps talk over RabbitMQ and HTTP, never through each other's code, and
    // a lib never depends on an app. RPC handlers use @RpcHandler, checked against RpcContract.
    files: ['apps/*/{src,test}/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [OTHER_APP],
          paths: [
            {
              name: '@nestjs/microservices',
              importNames: ['MessagePattern'],
              message: 'Use @RpcHandler from @dvc/messaging: it checks the handler against RpcContract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)apps/', message: 'A lib never imports an app.' }] },
      ],
    },
  },
  {
    // The unchecked send skips RpcContract: only tests, which probe services with bad requests.
    files: ['apps/*/src/**/*.ts', 'libs/*/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**', 'libs/messaging/src/rpc-client.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'sendUnchecked', message: 'Use send(): its types come from RpcContract.' },
      ],
    },
  },
  {
    // removed by the portal API-client change
    files: [
      'apps/portal/src/dossiers/form-validator.ts',
      'apps/portal/src/dossiers/WizardPage.tsx',
      'apps/portal/src/dossiers/form-checker.test.ts',
      'apps/portal/src/dossiers/lifecycle.test.ts',
      'apps/portal/src/dossiers/OnlineForm.test.tsx',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The portal runs in the browser (apps/portal has its own tsconfig: DOM, JSX). Contracts are
    // shared as types only: a value import would pull Nest and class-validator into the bundle.
    files: ['apps/portal/src/**/*.{ts,tsx}'],
    ignores: ['apps/portal/src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@dvc/contracts',
              message: 'Import the API contracts as types only (import type …).',
              allowTypeImports: true,
            },
          ],
          patterns: [{ group: ['node:*'], message: 'The portal runs in the browser.' }],
        },
      ],
    },
  },
);
