/** One jest run over every package's test/ folder; TypeScript via ts-jest (type-checking happens in `npm run build`). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/e2e', '<rootDir>/scripts'],
  testMatch: ['**/test/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
  },
  moduleNameMapper: {
    '^@mimic/(core|identity|compute|clb|cli)$': '<rootDir>/packages/$1/src/index.ts',
  },
  testTimeout: 20000,
};
