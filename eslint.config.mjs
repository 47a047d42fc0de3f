// Lint rules for every TypeScript file of the repository (CONTRIBUTING.md, "Lint and format", says why these).
// Formatting is Prettier's job alone: eslint-config-prettier turns off every rule that would disagree with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["bin/**", "node_modules/**", ".test-work/**", ".bench-*/**", ".pulumi-state/**", ".emulator-data/**", "**/node_modules/**", "provider/sdk/**", "templates/**/node_modules/**", "**/*.js", "**/*.mjs", "**/*.cjs"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Unused names are a compile error already (noUnusedLocals); `_`-prefixed parameters are deliberate.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // A promise nobody awaits loses its rejection: the class of bug that hides a failed API call.
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "separate-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
      // `async` methods implementing a Promise-returning interface (the dynamic provider's check/diff/configure)
      // read better than Promise.resolve(...); a promise left unawaited is what no-floating-promises catches.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Tests and benches read JSON they wrote themselves (state files, API answers) without declaring its shape:
    // an assertion fails loudly there, where production code would go wrong quietly, so `any` from JSON.parse
    // is allowed in them and nowhere else. Mocha's `describe`/`it` take callbacks that return promises on purpose.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [{ from: "package", package: "mocha", name: ["describe", "it"] }] }],
    },
  },
  prettier,
);
