// Prints the stack's meetings as a table (from `pulumi stack output --json`; join tokens stay secret).
import { execFileSync } from "node:child_process";
import { meetingsTable, type MeetingSummary } from "./table";

const stack = process.argv[2] ?? "local";
const LOCAL_PASSPHRASE = "chime-meetings-local";
const outputs = JSON.parse(execFileSync("pulumi", ["stack", "output", "--json", "--stack", stack], { encoding: "utf8" })) as {
  meetings?: Record<string, MeetingSummary>;
};
const meetings = outputs.meetings ?? {};
if (Object.keys(meetings).length === 0) {
  console.log(`stack ${stack} declares no meetings (chime-meetings:meetings in Pulumi.${stack}.yaml)`);
} else {
  console.log(meetingsTable(meetings));
  const backend = process.env.PULUMI_BACKEND_URL ? `PULUMI_BACKEND_URL=${process.env.PULUMI_BACKEND_URL} ` : "";
  // Only the public local-only default passphrase is ever echoed, never one the user set.
  const passphrase = process.env.PULUMI_CONFIG_PASSPHRASE === LOCAL_PASSPHRASE ? `PULUMI_CONFIG_PASSPHRASE=${LOCAL_PASSPHRASE} ` : "";
  const pulumi = process.env.CHIME_PULUMI_BIN_DIR ? `${process.env.CHIME_PULUMI_BIN_DIR}/pulumi` : "pulumi";
  console.log(`\nJoin tokens (secret): ${backend}${passphrase}${pulumi} stack output joinInfo --show-secrets --stack ${stack}`);
}
