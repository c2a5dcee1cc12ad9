/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Transpile-only: type-checking is its own step (`npm run typecheck`).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // Installs Suricata (the engine tests need it) or stops with one line saying how.
  globalSetup: "<rootDir>/test/global-setup.js",
};
