// A throwaway PostgreSQL cluster on 127.0.0.1 for the keeper's shared-backend tests: Debian's server
// binaries (scripts/postgres/ensure.sh installs them when missing), a random port, a temporary data
// directory, stopped and deleted afterwards. PostgreSQL refuses to run as root, so as root every server
// command runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../support/pulumi";

export interface PostgresCluster {
  port: number;
  /** The Pulumi DIY backend URL of one database of this cluster. */
  backendUrl(database: string): string;
  /** Runs one SQL statement with psql; returns its unaligned output. */
  sql(statement: string, database?: string): string;
  createDatabase(prefix: string): string;
  dropDatabase(name: string): void;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = execFileSync("bash", [path.join(repoRoot, "scripts", "postgres", "ensure.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chime-pg-"));
  if (asRoot) execFileSync("chown", ["postgres:", dir]);
  const run = (tool: string, args: string[]): string => {
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, tool), ...args]] : [path.join(bin, tool), args];
    return execFileSync(file, argv, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], cwd: dir });
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"]);
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = await freePort();
    try {
      run("pg_ctl", [
        "-D",
        data,
        "-l",
        path.join(dir, "server.log"),
        "-w",
        "-t",
        "60",
        "-o",
        `-h 127.0.0.1 -p ${port} -k ${dir} -F -c fsync=off -c max_connections=50`,
        "start",
      ]);
      break;
    } catch (err) {
      if (attempt >= 3)
        throw new Error(
          `PostgreSQL did not start on 127.0.0.1:${port}: ${fs.readFileSync(path.join(dir, "server.log"), "utf8").slice(-600)}`,
          { cause: err },
        );
    }
  }
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  // A test run interrupted before its after() hook still stops the server.
  process.once("exit", stop);
  const sql = (statement: string, database = "postgres"): string =>
    run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", statement]);
  return {
    port,
    backendUrl: (database) => `postgres://postgres@127.0.0.1:${port}/${database}?sslmode=disable`,
    sql,
    createDatabase: (prefix) => {
      const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
      sql(`CREATE DATABASE ${name}`);
      return name;
    },
    dropDatabase: (name) => {
      sql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
    stop,
  };
}

/** The locks the Pulumi DIY backend holds in this database: the key and the holder's pid and host. */
export function locksIn(cluster: PostgresCluster, database: string): { key: string; pid: number; hostname: string }[] {
  const rows = cluster
    .sql("SELECT key, data->>'data' FROM pulumi_state WHERE key LIKE '%/.pulumi/locks/%'", database)
    .split("\n")
    .filter(Boolean);
  return rows.map((row) => {
    const [key, b64] = row.split("|");
    const lock = JSON.parse(Buffer.from(b64, "base64").toString("utf8")) as { pid: number; hostname: string };
    return { key, pid: lock.pid, hostname: lock.hostname };
  });
}
