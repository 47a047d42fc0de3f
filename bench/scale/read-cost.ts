/**
 * Client CPU of refreshing 200 meetings (2 attendees, 1 tag each) through the provider's own client (client.ts)
 * against the emulator in its own process, for three call sequences per meeting: GetMeeting then ListAttendees and
 * ListTagsForResource side by side (the read before 2026-12-01), the two lists side by side, and ListAttendees then
 * ListTagsForResource (read.ts now). 8 reads in flight, as the engine's default parallelism here. One warm-up pass
 * each, then `READ_COST_ROUNDS` (default 5) rounds in alternating order; medians of process CPU. Run from the
 * repository root: node -r ts-node/register/transpile-only bench/scale/read-cost.ts
 */
import {
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  ListTagsForResourceCommand,
  type ChimeSDKMeetingsClient,
} from "@aws-sdk/client-chime-sdk-meetings";
import { LIMITS } from "../../chime/limits";
import { clientFor } from "../../components/meeting/client";
import { bundleEmulatorCli, spawnEmulator } from "../lib/process";
import { fmt, median } from "./stats";

const MEETINGS = 200;
const IN_FLIGHT = 8;
const ROUNDS = Number(process.env.READ_COST_ROUNDS ?? 5);

interface Known {
  id: string;
  arn: string;
}
/** One way to read a meeting, and how many calls it makes per meeting. */
interface Sequence {
  callsPerMeeting: number;
  read: (client: ChimeSDKMeetingsClient, m: Known) => Promise<unknown>;
}

const list = (client: ChimeSDKMeetingsClient, m: Known) =>
  client.send(new ListAttendeesCommand({ MeetingId: m.id, MaxResults: LIMITS.maxResults.max }));
const tags = (client: ChimeSDKMeetingsClient, m: Known) => client.send(new ListTagsForResourceCommand({ ResourceARN: m.arn }));

const SEQUENCES: Record<string, Sequence> = {
  "GetMeeting, then both lists": {
    callsPerMeeting: 3,
    read: async (client, m) => {
      await client.send(new GetMeetingCommand({ MeetingId: m.id }));
      await Promise.all([list(client, m), tags(client, m)]);
    },
  },
  "both lists side by side": { callsPerMeeting: 2, read: (client, m) => Promise.all([list(client, m), tags(client, m)]) },
  "ListAttendees, then tags": {
    callsPerMeeting: 2,
    read: async (client, m) => {
      await list(client, m);
      await tags(client, m);
    },
  },
};

async function inFlight(meetings: Known[], read: (m: Known) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < meetings.length) await read(meetings[next++]);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

async function cpuMs(work: () => Promise<void>): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

async function main(): Promise<void> {
  const emulator = await spawnEmulator(bundleEmulatorCli(), ["--port", "0", "--no-lifecycle"]);
  try {
    process.env.AWS_ACCESS_KEY_ID ??= "test";
    process.env.AWS_SECRET_ACCESS_KEY ??= "test";
    const client = clientFor({ endpoint: emulator.url, assumeRoles: [], requestsPerSecond: 0 }, "us-east-1");
    const meetings: Known[] = [];
    for (let i = 0; i < MEETINGS; i += 1) {
      const { Meeting: meeting } = await client.send(
        new CreateMeetingWithAttendeesCommand({
          ClientRequestToken: `read-cost-${process.pid}-${i}`,
          MediaRegion: "us-east-1",
          ExternalMeetingId: `read-cost-${i}`,
          Tags: [{ Key: "bench", Value: "read-cost" }],
          Attendees: [{ ExternalUserId: `a-${i}` }, { ExternalUserId: `b-${i}` }],
        }),
      );
      meetings.push({ id: meeting!.MeetingId!, arn: meeting!.MeetingArn! });
    }
    const names = Object.keys(SEQUENCES);
    for (const name of names) await inFlight(meetings, (m) => SEQUENCES[name].read(client, m));
    const samples: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of round % 2 === 0 ? names : [...names].reverse()) {
        (samples[name] ??= []).push(await cpuMs(() => inFlight(meetings, (m) => SEQUENCES[name].read(client, m))));
      }
    }
    console.log(
      `| sequence per meeting (${MEETINGS} reads, ${IN_FLIGHT} in flight, ${ROUNDS} rounds) | calls | client CPU, ms (median) | rounds, ms |`,
    );
    console.log("|---|---|---|---|");
    const result: Record<string, number> = {};
    for (const name of names) {
      const calls = SEQUENCES[name].callsPerMeeting * MEETINGS;
      result[name] = median(samples[name]);
      console.log(`| ${name} | ${calls} | ${fmt(result[name], 0)} | ${samples[name].map((v) => fmt(v, 0)).join(", ")} |`);
    }
    console.log(`RESULT read-cost ${JSON.stringify(result)}`);
  } finally {
    await emulator.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
