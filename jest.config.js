/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Pulumi keeps global state across test files; this silences Jest 30's [JEST-01] warnings about it.
  testEnvironmentOptions: { globalsCleanup: "on" },
  // Transpile-only: type-checking is its own step (`npm run typecheck`).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
};
