// Build step (npm run build): bundles the notifications Lambda handler into one self-contained CommonJS file,
// bin/handler/index.js, shipped in the package so that programs never bundle at run time.
const path = require("node:path");
const { buildSync } = require("esbuild");
const { HANDLER_BUNDLE_OPTIONS } = require("../../bin/components/notifications/bundle-options.js");

const root = path.resolve(__dirname, "..", "..");
buildSync({
  ...HANDLER_BUNDLE_OPTIONS,
  entryPoints: [path.join(root, "components", "notifications", "handler", "lambda.ts")],
  outfile: path.join(root, "bin", "handler", "index.js"),
  write: true,
});
