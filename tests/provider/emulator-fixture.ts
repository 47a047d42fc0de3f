import { EmulatorAdminClient, startEmulator } from "../../emulator";
import { configuredProvider, type MeetingOperations } from "./helpers";

export interface ProviderFixture {
  provider: MeetingOperations;
  admin: EmulatorAdminClient;
  url: string;
  close(): Promise<void>;
  /** Operation names the emulator served since the last clear, in order (e.g. "CreateMeeting"). */
  operations(): Promise<string[]>;
}

const CREDENTIALS = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };

/**
 * An in-process emulator and a provider configured to reach it through stack config
 * (`chime-meetings:endpoint`), with the emulator's test credentials in the environment.
 */
export async function startProviderFixture(config: Record<string, string> = {}): Promise<ProviderFixture> {
  const emulator = await startEmulator({ port: 0 });
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(CREDENTIALS)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
  saved.AWS_SESSION_TOKEN = process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_SESSION_TOKEN;
  const provider = await configuredProvider({
    "chime-meetings:region": "us-east-1",
    "chime-meetings:endpoint": emulator.url,
    "chime-meetings:maxAttempts": "4",
    ...config,
  });
  const admin = new EmulatorAdminClient(emulator.url);
  return {
    provider,
    admin,
    url: emulator.url,
    async operations() {
      return (await admin.requests()).map((r) => r.operation);
    },
    async close() {
      await emulator.close();
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    },
  };
}

/**
 * One fixture for the calling suite (started in before(), closed in after()) and, before each test, an emulator with
 * no meetings and no faults; with `clearRequests`, an empty request log too. Usable from the suite's tests and hooks.
 */
export function suiteProviderFixture(opts: { clearRequests?: boolean } = {}): ProviderFixture {
  let started: ProviderFixture | undefined;
  const current = (): ProviderFixture => {
    if (!started) throw new Error("the provider fixture is used outside its suite's tests and hooks");
    return started;
  };
  before(async () => {
    started = await startProviderFixture();
  });
  after(async () => started?.close());
  beforeEach(async () => {
    const { admin } = current();
    await admin.reset();
    if (opts.clearRequests) await admin.clearRequests();
    await admin.clearFaults();
  });
  return {
    get provider() {
      return current().provider;
    },
    get admin() {
      return current().admin;
    },
    get url() {
      return current().url;
    },
    operations: () => current().operations(),
    close: () => current().close(),
  };
}
