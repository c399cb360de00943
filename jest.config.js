/** One Jest config; projects split unit, integration and e2e suites. */
const moduleNameMapper = {
  '^@dvc/(contracts|forms|messaging|database|config|observability|http|testing)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
// openid-client and its dependencies ship as ESM only: compiled to CommonJS so Jest loads them.
const esmOnly = ['openid-client', 'oauth4webapi', 'jose'];
const transform = {
  '^.+\\.ts$': 'ts-jest',
  [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true } }],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const base = { rootDir: __dirname, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], transform, transformIgnorePatterns, moduleNameMapper };

const slow = { setupFilesAfterEnv: ['<rootDir>/test/jest.slow-setup.ts'] };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'] },
    { ...base, ...slow, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.int-spec.ts', '<rootDir>/test/integration/**/*.int-spec.ts'] },
    { ...base, ...slow, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    // Restarts the broker and kills processes: run alone, after the others (see npm test).
    { ...base, displayName: 'chaos', testMatch: ['<rootDir>/test/chaos/**/*.chaos-spec.ts'] },
    // Journeys in a real browser (playwright-core driving /usr/bin/chromium) against the stack
    // serving the built portal.
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/browser/setup.ts'],
    },
  ],
};
