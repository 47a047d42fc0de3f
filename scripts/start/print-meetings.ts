// Prints the stack's meetings as a table (from `pulumi stack output --json`; join tokens stay secret).
import { execFileSync } from "node:child_process";
import { meetingsTable, type MeetingSummary } from "./table";

const stack = process.argv[2] ?? "local";
const outputs = JSON.parse(execFileSync("pulumi", ["stack", "output", "--json", "--stack", stack], { encoding: "utf8" })) as {
  meetings?: Record<string, MeetingSummary>;
};
const meetings = outputs.meetings ?? {};
if (Object.keys(meetings).length === 0) {
  console.log(`stack ${stack} declares no meetings (chime-meetings:meetings in Pulumi.${stack}.yaml)`);
} else {
  console.log(meetingsTable(meetings));
  const backend = process.env.PULUMI_BACKEND_URL ? `PULUMI_BACKEND_URL=${process.env.PULUMI_BACKEND_URL} ` : "";
  // The passphrase is not echoed; the local stack's default is documented in Pulumi.local.yaml.
  console.log(`\nJoin tokens (secret): ${backend}pulumi stack output joinInfo --show-secrets --stack ${stack}`);
}
