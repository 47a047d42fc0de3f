import type { PolicyViolation } from "./types";

/** Text report, mandatory first; the caller decides the exit code with `hasMandatory`. */
export function formatReport(violations: PolicyViolation[], resourceCount: number): string {
  const order = { mandatory: 0, remediate: 0, advisory: 1, disabled: 2 } as const;
  const sorted = [...violations].sort((a, b) => order[a.enforcementLevel] - order[b.enforcementLevel]);
  const lines = sorted.map((v) => `  [${v.enforcementLevel}] ${v.policyName}: ${v.message}`);
  const mandatory = violations.filter((v) => v.enforcementLevel === "mandatory").length;
  const summary = `${resourceCount} resources checked: ${mandatory} mandatory and ${violations.length - mandatory} advisory violations.`;
  return [...lines, summary].join("\n");
}

export function hasMandatory(violations: PolicyViolation[]): boolean {
  return violations.some((v) => v.enforcementLevel === "mandatory");
}
