/** The Lambda runtime the handler is built for and deployed on by default (`handler.runtime` changes it). */
export const DEFAULT_HANDLER_RUNTIME = "nodejs22.x";
export const HANDLER_FUNCTION = "index.handler";

/**
 * esbuild options of the handler bundle, shared by the build step (scripts/build/bundle-handler.js) and the
 * development fallback (bundle.ts): one CommonJS file with no dependencies outside this package.
 */
export const HANDLER_BUNDLE_OPTIONS = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "none",
  logLevel: "silent",
} as const;
