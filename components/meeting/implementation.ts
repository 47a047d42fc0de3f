// Compatibility with stacks created by chime-meetings 0.1.0 installed as a package: their stored provider code
// requires this file by its path, "chime-meetings/bin/components/meeting/implementation.js", and calls
// operations().configured(config). It forwards to the stable entry point; keep it until 0.1.0 states are gone
// (docs/MEETING.md, "Upgrades and the serialized provider"). Never imported by the package itself.
import type * as OperationsModule from "./operations";

type Operations = typeof OperationsModule;

export function operations(): Operations {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved when an old state calls it, not at load
  return require("../../lib/meeting-provider") as Operations;
}
