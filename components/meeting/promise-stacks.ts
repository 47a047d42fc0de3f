/**
 * The Pulumi SDK gives every promise it wraps (four per declared output of a resource, so about 75 per Meeting)
 * a captured `new Error().stack`, which only its promise-leak report reads, and only when PULUMI_DEBUG_PROMISE_LEAKS
 * is set. Under ts-node each capture is source-mapped frame by frame, which made a Meeting's registration cost about
 * twice an echo resource's (docs/PERFORMANCE.md, "Where the time goes per process"). The Meeting constructor
 * therefore runs its registration with V8's stack-trace limit at 0, unless leak debugging is on. The SDK's own
 * source position and stack trace of the resource are unaffected: it raises the limit itself while it reads them.
 */

/** Lowers the stack-trace limit for the synchronous registration that follows; returns the idempotent restore. */
export function skipPromiseStackTraces(env: NodeJS.ProcessEnv = process.env): () => void {
  if (env.PULUMI_DEBUG_PROMISE_LEAKS) return () => {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  return () => {
    Error.stackTraceLimit = limit;
  };
}

/** An error thrown while the limit was 0 has no frames: give it the stack of where it is caught (the constructor). */
export function withCallerStack(err: unknown, caller: abstract new (...args: never[]) => unknown): unknown {
  if (err instanceof Error && !/\n\s+at /.test(err.stack ?? "")) Error.captureStackTrace(err, caller);
  return err;
}
