import { deadHolderAdvice } from "./locks";
import { RoundStopped, runRound, statusLine, type RoundContext } from "./round";
import { isStackLocked, lockHolder, sleep, summarizeError } from "./retry";

export interface LoopOptions {
  once: boolean;
  intervalMs: number;
  maxFailedRounds: number;
  now: () => Date;
  log: (line: string) => void;
  signal: AbortSignal;
  retry: RoundContext["retry"];
  prober?: RoundContext["prober"];
}

/** 0: done (or stopped by a signal); 1: --once failed, or too many consecutive failed rounds. */
export async function runKeeper(ops: RoundContext["ops"], o: LoopOptions): Promise<number> {
  let failures = 0;
  for (let round = 1; !o.signal.aborted; round++) {
    try {
      const report = await runRound({ ops, now: o.now(), log: o.log, retry: o.retry, signal: o.signal, prober: o.prober });
      o.log(statusLine(round, report));
      failures = 0;
    } catch (err) {
      if (err instanceof RoundStopped) break;
      failures++;
      const why = isStackLocked(err)
        ? `stack ${ops.stack} is locked by another update (${lockHolder(err)}); not breaking it, retrying next round${deadHolderAdvice(err, ops.stack)}`
        : summarizeError(err);
      o.log(`round ${round} failed (${failures} in a row, limit ${o.maxFailedRounds}): ${why}`);
      if (o.once || failures >= o.maxFailedRounds) {
        o.log(
          `giving up: ${o.once ? "the single round (--once) failed" : `${failures} consecutive rounds failed`}; the meetings of stack ${ops.stack} are not being kept`,
        );
        return 1;
      }
    }
    if (o.once) break;
    o.log(`next round in ${Math.round(o.intervalMs / 1000)}s`);
    await sleep(o.intervalMs, o.signal);
  }
  if (o.signal.aborted) o.log("stopped by signal between steps");
  return 0;
}
