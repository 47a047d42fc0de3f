// The compiled policy pack of chime-meetings, runnable from node_modules with no TypeScript tooling. Its rules come
// from the built package (bin/); the pack's source is policies/index.ts.
require("../bin/policies/index.js");
