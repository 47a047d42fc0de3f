// Lint rules for every TypeScript file of the repository (CONTRIBUTING.md, "Lint and format", says why these).
// Formatting is Prettier's job alone: eslint-config-prettier turns off every rule that would disagree with it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: ["bin/**", "node_modules/**", "**/node_modules/**", "provider/sdk/**", "templates/**/node_modules/**", "**/*.js", "**/*.mjs", "**/*.cjs"],
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
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      eqeqeq: ["error", "always", { null: "ignore" }],
    },
  },
  {
    // Tests: mocha's `describe`/`it` take callbacks that return promises on purpose.
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-floating-promises": ["error", { allowForKnownSafeCalls: [{ from: "package", package: "mocha", name: ["describe", "it"] }] }],
    },
  },
  prettier,
);
