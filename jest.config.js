/** One Jest config; projects split unit, integration and e2e suites. */
const moduleNameMapper = {
  '^@dvc/(contracts|messaging|database|config|observability|testing)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
const transform = { '^.+\\.ts$': 'ts-jest' };
const base = { rootDir: __dirname, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], transform, moduleNameMapper };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'] },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
