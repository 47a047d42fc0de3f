/**
 * Resident memory of the emulator holding 10,000 live meetings x 10 attendees. The emulator runs as its own process
 * with --no-lifecycle (so nothing ends while it fills); VmRSS is read from /proc/<pid>/status.
 */
import { CreateMeetingWithAttendeesCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { residentMiB } from "./lib/process";
import { runAgainstEmulator } from "./lib/run";

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 10_000);
const ATTENDEES = 10;
const WORKERS = 16;
export const MEMORY_GOAL_MIB = 150;

runAgainstEmulator(async (emulator, client) => {
  await new Promise((r) => setTimeout(r, 500));
  const idleMiB = residentMiB(emulator.pid);
  const started = Date.now();
  let next = 0;
  let peakMiB = idleMiB;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < MEETINGS) {
        const n = (next += 1);
        const out = await client.send(
          new CreateMeetingWithAttendeesCommand({
            MediaRegion: "us-east-1",
            ExternalMeetingId: `bench-memory-${n}`,
            Attendees: Array.from({ length: ATTENDEES }, (_, i) => ({ ExternalUserId: `user-${n}-${i}` })),
          }),
        );
        if (out.Attendees?.length !== ATTENDEES)
          throw new Error(`meeting ${n}: ${out.Attendees?.length} attendees, errors ${JSON.stringify(out.Errors)}`);
        if (n % 1000 === 0) peakMiB = Math.max(peakMiB, residentMiB(emulator.pid));
      }
    }),
  );
  const fillSeconds = (Date.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 2000)); // let the emulator go idle so the figure is its steady state
  const filledMiB = residentMiB(emulator.pid);
  peakMiB = Math.max(peakMiB, filledMiB);
  const result = { meetings: MEETINGS, attendeesPerMeeting: ATTENDEES, idleMiB, filledMiB, peakMiB, fillSeconds };
  console.log(
    `Emulator resident memory (own process, --no-lifecycle, ${MEETINGS} meetings x ${ATTENDEES} attendees via CreateMeetingWithAttendees)`,
  );
  console.log(
    `  idle ${idleMiB.toFixed(1)} MiB; filled ${filledMiB.toFixed(1)} MiB (peak while filling ${peakMiB.toFixed(1)} MiB); fill took ${fillSeconds.toFixed(1)} s`,
  );
  console.log(`  goal <= ${MEMORY_GOAL_MIB} MB: ${filledMiB <= MEMORY_GOAL_MIB ? "MET" : "MISSED"}`);
  console.log(`RESULT memory ${JSON.stringify(result)}`);
});
