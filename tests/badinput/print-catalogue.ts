// Prints the bad input catalogue as the Markdown table of docs/RELIABILITY.md, straight from the rows the
// tests run: `npx ts-node tests/badinput/print-catalogue.ts`.
import { API_ROWS } from "./catalogue-api";
import { PREVIEW_ROWS } from "./catalogue-preview";
import { RESOURCE_ARG_ROWS } from "./catalogue-resource-args";
import { STACK_CONFIG_ROWS } from "./catalogue-stack-config";
import type { BadInputRow } from "./rows";

const GROUPS: [string, BadInputRow<unknown>[]][] = [
  ["(a) stack config", STACK_CONFIG_ROWS],
  ["(b) Meeting inputs, check()", RESOURCE_ARG_ROWS],
  ["(a)/(b) real `pulumi preview`", PREVIEW_ROWS],
  ["(c) API via JS SDK", API_ROWS],
];

const cell = (text: string) => `\`${(text.length > 70 ? `${text.slice(0, 67)}...` : text).replace(/\|/g, "\\|")}\``;

console.log("| # | group | behaviour | field | value | rule (substring asserted) |");
console.log("|---|---|---|---|---|---|");
let n = 0;
for (const [group, rows] of GROUPS) {
  for (const row of rows) {
    n += 1;
    console.log(`| ${n} | ${group} | ${row.name} | ${cell(row.field)} | ${cell(row.value)} | ${cell(row.rule)} |`);
  }
}
