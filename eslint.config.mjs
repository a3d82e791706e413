import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Framework code that domain and contracts libs may not import (STYLE.md §2.5).
const framework = ['@nestjs/*', 'typeorm', 'pg', '@nats-io/*', '@opentelemetry/*', 'rxjs', 'class-validator', 'jose', 'pino'];
const contexts = ['gateway', 'intake', 'casework', 'signals', 'diagnosis', 'service-map', 'statistics', 'notification', 'projector'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.data', '**/tmp', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tseslint.parser },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          allowCircularSelfDependency: false,
          enforceBuildableLibDependency: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:infra', 'type:application', 'type:contracts'] },
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:application', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:application', 'type:domain', 'type:contracts'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'], bannedExternalImports: framework },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts'], bannedExternalImports: framework },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:platform', 'scope:shared', 'type:contracts', 'type:domain', 'type:application'] },
            ...contexts.map((c) => ({
              sourceTag: `scope:${c}`,
              // A context reads another context's contracts only, never its domain or infrastructure.
              onlyDependOnLibsWithTags: [`scope:${c}`, 'scope:platform', 'scope:shared', 'type:contracts'],
            })),
            { sourceTag: 'scope:all', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts'],
    rules: { 'max-lines': ['error', { max: 600 }] },
  },
];
