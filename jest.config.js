/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  // Transpile-only: type-checking is its own step (`npm run typecheck`).
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.jest.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // Installs Suricata (the engine tests need it) or stops with one line saying how.
  globalSetup: "<rootDir>/test/global-setup.js",
  // Test files run in a worker process that is replaced once it holds more than this after a file:
  // files that load Pulumi leave their module graphs behind (Pulumi keeps process-wide handlers),
  // and in one long-lived process the garbage collector then spends ever more time on them.
  workerIdleMemoryLimit: "800MB",
};
