/** Runs `fn` with process.stderr captured: what it wrote comes back as `stderr` instead of reaching the terminal. */
export async function capturingStderr<T>(fn: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  const original = process.stderr.write.bind(process.stderr);
  let stderr = "";
  process.stderr.write = (chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  };
  try {
    return { result: await fn(), stderr };
  } finally {
    process.stderr.write = original;
  }
}
