import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { bundleHandler, handlerEntry } from "../../../../components/notifications/bundle";
import { invocation, sampleEvent } from "./fixtures";

type LambdaHandler = (event: unknown) => Promise<{ batchItemFailures: { itemIdentifier: string }[] }>;

describe("the bundled Lambda handler", function () {
  this.timeout(30_000);
  let dir: string;
  let handler: LambdaHandler;
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "chime-handler-"));
    fs.writeFileSync(path.join(dir, "index.js"), bundleHandler());
    // Loaded from a directory with no node_modules, as on Lambda: the bundle must be self-contained.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle written just now, as Lambda loads it
    handler = (require(path.join(dir, "index.js")) as { handler: LambdaHandler }).handler;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function captured<T>(run: () => Promise<T>): Promise<T> {
    process.stdout.write = (chunk: string) => {
      lines.push(String(chunk));
      return true;
    };
    try {
      return await run();
    } finally {
      process.stdout.write = write;
    }
  }

  it("is built from the TypeScript entry beside the component", () => {
    assert.equal(handlerEntry(), path.join(__dirname, "../../../../components/notifications/handler/lambda.ts"));
  });

  it("exports index.handler, which reports a malformed SQS record and handles the rest", async () => {
    const good = sampleEvent("chime:AttendeeJoined");
    const response = await captured(() => handler(invocation("sqs", [good, { source: "aws.chime" }, good])));
    assert.deepEqual(response, { batchItemFailures: [{ itemIdentifier: "msg-1" }] });
    const messages = lines.map((l) => (JSON.parse(l) as { message: string }).message);
    assert.deepEqual(messages, ["attendance", "event processed", "record rejected", "duplicate skipped"]);
  });

  it("refuses to build when the entry is missing", () => {
    assert.throws(() => handlerEntry(dir), {
      message: `handler entry: none of ${path.join(dir, "lambda.ts")}, ${path.join(dir, "lambda.js")} exists`,
    });
  });
});
