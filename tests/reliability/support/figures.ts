// Sizes (fast subset in `npm test`, full size in `npm run soak`) and the figures each suite measures.
// With CHIME_RELIABILITY_FIGURES=<file> set (scripts/soak.sh sets it), figures are appended as JSON lines.
import * as fs from "node:fs";

export const SOAK = process.env.CHIME_SOAK === "1";

export function recordFigure(suite: string, figure: Record<string, unknown>): void {
  const line = JSON.stringify({ suite, soak: SOAK, at: new Date().toISOString(), ...figure });
  process.stdout.write(`      [figure] ${line}\n`);
  const file = process.env.CHIME_RELIABILITY_FIGURES;
  if (file) fs.appendFileSync(file, line + "\n");
}
