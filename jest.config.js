/** One Jest config; projects split unit, integration and e2e suites. */
const moduleNameMapper = {
  '^@dvc/(contracts|messaging|database|config|observability|http|testing)(/.*)?$': '<rootDir>/libs/$1/src$2',
};
const transform = { '^.+\\.ts$': 'ts-jest' };
const base = { rootDir: __dirname, testEnvironment: 'node', moduleFileExtensions: ['ts', 'js', 'json'], transform, moduleNameMapper };

const slow = { setupFilesAfterEnv: ['<rootDir>/test/jest.slow-setup.ts'] };

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,test}/**/*.spec.ts'] },
    { ...base, ...slow, displayName: 'integration', testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'] },
    { ...base, ...slow, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
  ],
};
