// One lint setup for the whole project: recommended rules, TypeScript-aware, and a fence around the
// pure core so that it never reaches for Office, the DOM, files or the clock.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'test-results/**', 'samples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os'], message: 'The core does no I/O.' },
          { group: ['react', 'react-dom', '@fluentui/*', '@e965/xlsx', 'xlsx', 'exceljs', 'fflate'], message: 'The core stays free of UI and file libraries.' },
          { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**'], message: 'The core imports nothing outside src/core.' },
        ],
      }],
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window', 'process'],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The core never reads the clock: pass the time in.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The core never reads the clock: pass the time in.' }],
    },
  },
  {
    // The task pane runs in a browser (or Excel's webview); only its entry (index.tsx) talks to
    // office.js, everything else gets the workbook host as a prop.
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/index.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': ['error', { name: 'Excel', message: 'Use the WorkbookHost passed in (index.tsx creates it).' }, { name: 'Office', message: 'Only index.tsx talks to office.js.' }],
    },
  },
);
