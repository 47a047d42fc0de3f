/**
 * End-to-end rate through the real JS SDK v3 client: CreateMeeting -> GetMeeting -> DeleteMeeting cycles from a few
 * concurrent workers against the emulator running as its own process. Bounded by BENCH_SECONDS.
 */
import { loadavg } from "node:os";
import { CreateMeetingCommand, DeleteMeetingCommand, GetMeetingCommand } from "@aws-sdk/client-chime-sdk-meetings";
import { cpuSeconds } from "./lib/process";
import { runAgainstEmulator } from "./lib/run";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WORKERS = 8;

runAgainstEmulator(async (emulator, client) => {
  const cycle = async (n: number): Promise<void> => {
    const { Meeting } = await client.send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: `bench-cycle-${n}` }));
    await client.send(new GetMeetingCommand({ MeetingId: Meeting?.MeetingId }));
    await client.send(new DeleteMeetingCommand({ MeetingId: Meeting?.MeetingId }));
  };
  for (let i = 0; i < 200; i += 1) await cycle(i); // warm-up: JIT, connection pool
  const latencies: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  const emulatorCpuBefore = cpuSeconds(emulator.pid);
  const clientCpuBefore = process.cpuUsage();
  let n = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        await cycle((n += 1));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  const emulatorCpu = cpuSeconds(emulator.pid) - emulatorCpuBefore;
  const clientCpuUsage = process.cpuUsage(clientCpuBefore);
  const clientCpu = (clientCpuUsage.user + clientCpuUsage.system) / 1e6;
  latencies.sort((a, b) => a - b);
  const result = {
    cycles: latencies.length,
    cyclesPerSecond: latencies.length / elapsed,
    callsPerSecond: (3 * latencies.length) / elapsed,
    p50CycleMs: latencies[Math.floor(latencies.length * 0.5)] ?? 0,
    p99CycleMs: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
    // Which side bounds the rate: CPU time per API call in the SDK client process and in the emulator process.
    clientCpuMicrosPerCall: (clientCpu * 1e6) / (3 * latencies.length),
    emulatorCpuMicrosPerCall: (emulatorCpu * 1e6) / (3 * latencies.length),
  };
  console.log(`JS SDK v3 end-to-end (${WORKERS} concurrent workers, ${SECONDS} s, emulator in its own process)`);
  console.log(
    `  CreateMeeting -> GetMeeting -> DeleteMeeting: ${result.cyclesPerSecond.toFixed(0)} cycles/s = ${result.callsPerSecond.toFixed(0)} API calls/s; cycle p50 ${result.p50CycleMs.toFixed(2)} ms, p99 ${result.p99CycleMs.toFixed(2)} ms`,
  );
  console.log(
    `  CPU per API call: SDK client ${result.clientCpuMicrosPerCall.toFixed(0)} µs, emulator ${result.emulatorCpuMicrosPerCall.toFixed(0)} µs (load average ${loadavg()[0].toFixed(2)})`,
  );
  console.log(`RESULT sdk-cycles ${JSON.stringify(result)}`);
});
