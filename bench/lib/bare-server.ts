import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stopper, type EmulatorProcess } from "./process";

/**
 * The baseline: a bare Node HTTP server in its own process answering every request with one fixed JSON body. The
 * emulator's throughput is reported as a fraction of this server's, measured in the same run on the same machine.
 */
export async function spawnBareServer(body: string): Promise<EmulatorProcess> {
  const file = join(tmpdir(), `chime-bench-bare-${process.pid}.js`);
  writeFileSync(
    file,
    [
      `const body = Buffer.from(${JSON.stringify(body)});`,
      `const server = require("node:http").createServer((req, res) => {`,
      `  req.resume();`,
      `  req.on("end", () => res.writeHead(200, { "content-type": "application/json", "content-length": body.length }).end(body));`,
      `});`,
      `server.listen(0, "127.0.0.1", () => console.log("http://127.0.0.1:" + server.address().port));`,
      `process.on("SIGTERM", () => server.close(() => process.exit(0)));`,
    ].join("\n"),
  );
  const child = spawn(process.execPath, [file], { stdio: ["ignore", "pipe", "inherit"] });
  const stop = stopper(child, "bare server", () => rmSync(file, { force: true }));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once("exit", (code) => reject(new Error(`bare server exited with code ${code}`)));
  });
  return { url, pid: child.pid as number, stop };
}
