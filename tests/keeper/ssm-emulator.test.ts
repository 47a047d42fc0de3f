// The emulator's SSM Parameter Store subset through the real @aws-sdk/client-ssm over HTTP.
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  DeleteParameterCommand,
  GetParameterCommand,
  GetParametersByPathCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { EmulatorAdminClient, startEmulator, type RunningEmulator } from "../../emulator";

function client(url: string, secretAccessKey = "test", region = "us-east-1"): SSMClient {
  return new SSMClient({ region, endpoint: url, credentials: { accessKeyId: "test", secretAccessKey }, maxAttempts: 1 });
}

describe("emulator SSM subset (PutParameter, GetParameter, DeleteParameter, GetParametersByPath)", function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let ssm: SSMClient;

  before(async () => {
    emulator = await startEmulator({ port: 0 });
    ssm = client(emulator.url);
  });

  after(async () => {
    ssm?.destroy();
    await emulator?.close();
  });

  it("stores a String parameter and returns it with its version and ARN", async () => {
    const put = await ssm.send(new PutParameterCommand({ Name: "/chime-meetings/t/a", Type: "String", Value: '{"MeetingId":"m1"}' }));
    assert.equal(put.Version, 1);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: "/chime-meetings/t/a" }));
    assert.equal(Parameter?.Value, '{"MeetingId":"m1"}');
    assert.equal(Parameter?.Type, "String");
    assert.equal(Parameter?.Version, 1);
    assert.equal(Parameter?.ARN, "arn:aws:ssm:us-east-1:123456789012:parameter/chime-meetings/t/a");
    assert.ok(Parameter?.LastModifiedDate instanceof Date);
  });

  it("refuses to overwrite without Overwrite, with ParameterAlreadyExists", async () => {
    await assert.rejects(ssm.send(new PutParameterCommand({ Name: "/chime-meetings/t/a", Type: "String", Value: "x" })), (err: Error) => {
      assert.ok(err instanceof ParameterAlreadyExists);
      assert.match(err.message, /The parameter \/chime-meetings\/t\/a already exists/);
      return true;
    });
  });

  it("overwrites with Overwrite and bumps the version", async () => {
    const put = await ssm.send(new PutParameterCommand({ Name: "/chime-meetings/t/a", Value: '{"MeetingId":"m2"}', Overwrite: true }));
    assert.equal(put.Version, 2);
    const { Parameter } = await ssm.send(new GetParameterCommand({ Name: "/chime-meetings/t/a" }));
    assert.equal(Parameter?.Value, '{"MeetingId":"m2"}');
  });

  it("answers ParameterNotFound for a missing parameter, and for one put in another region", async () => {
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: "/chime-meetings/t/missing" })), (err: Error) => {
      assert.ok(err instanceof ParameterNotFound);
      assert.equal(err.message, "Parameter /chime-meetings/t/missing not found.");
      return true;
    });
    const west = client(emulator.url, "test", "us-west-2");
    await assert.rejects(west.send(new GetParameterCommand({ Name: "/chime-meetings/t/a" })), ParameterNotFound);
    west.destroy();
  });

  it("refuses invalid names and values with ValidationException naming the field and the rule", async () => {
    const cases: [string, string, RegExp][] = [
      ["chime meetings", "v", /Name: value "chime meetings" must contain only a-z, A-Z, 0-9, _, \., - and \//],
      ["/aws/x", "v", /must not begin with "aws" or "ssm"/],
      ["a/b", "v", /must begin with "\/" when it is part of a hierarchy/],
      ["/" + Array.from({ length: 16 }, (_, i) => `l${i}`).join("/"), "v", /at most 15 hierarchy levels/],
      ["/chime-meetings/t/big", "x".repeat(4097), /Value: must be at most 4096 characters/],
    ];
    for (const [Name, Value, message] of cases) {
      await assert.rejects(ssm.send(new PutParameterCommand({ Name, Value, Type: "String" })), (err: Error) => {
        assert.equal(err.name, "ValidationException");
        assert.match(err.message, message);
        return true;
      });
    }
    await assert.rejects(ssm.send(new PutParameterCommand({ Name: "/chime-meetings/t/new", Value: "v" })), /Type: a Type is required/);
  });

  it("lists a path one level deep, or recursively, in pages", async () => {
    for (const n of ["b", "c", "d"]) await ssm.send(new PutParameterCommand({ Name: `/chime-meetings/t/${n}`, Type: "String", Value: n }));
    await ssm.send(new PutParameterCommand({ Name: "/chime-meetings/t/deep/e", Type: "String", Value: "e" }));
    const first = await ssm.send(new GetParametersByPathCommand({ Path: "/chime-meetings/t", MaxResults: 3 }));
    assert.deepEqual(
      first.Parameters?.map((p) => p.Name),
      ["/chime-meetings/t/a", "/chime-meetings/t/b", "/chime-meetings/t/c"],
    );
    const second = await ssm.send(new GetParametersByPathCommand({ Path: "/chime-meetings/t", MaxResults: 3, NextToken: first.NextToken }));
    assert.deepEqual(
      second.Parameters?.map((p) => p.Name),
      ["/chime-meetings/t/d"],
    );
    assert.equal(second.NextToken, undefined);
    const all = await ssm.send(new GetParametersByPathCommand({ Path: "/chime-meetings", Recursive: true }));
    assert.equal(all.Parameters?.length, 5);
    await assert.rejects(
      ssm.send(new GetParametersByPathCommand({ Path: "/chime-meetings", MaxResults: 11 })),
      /MaxResults: value 11 must be an integer from 1 to 10/,
    );
  });

  it("deletes a parameter, and answers ParameterNotFound when it is already gone", async () => {
    await ssm.send(new DeleteParameterCommand({ Name: "/chime-meetings/t/b" }));
    await assert.rejects(ssm.send(new GetParameterCommand({ Name: "/chime-meetings/t/b" })), ParameterNotFound);
    await assert.rejects(ssm.send(new DeleteParameterCommand({ Name: "/chime-meetings/t/b" })), ParameterNotFound);
  });

  it("verifies SigV4 for the signing name ssm and logs each call by operation", async () => {
    const admin = new EmulatorAdminClient(emulator.url);
    await admin.clearRequests();
    const wrong = client(emulator.url, "not-the-secret");
    await assert.rejects(wrong.send(new GetParameterCommand({ Name: "/chime-meetings/t/a" })), (err: Error) => {
      assert.equal(err.name, "InvalidSignatureException");
      return true;
    });
    wrong.destroy();
    await ssm.send(new GetParameterCommand({ Name: "/chime-meetings/t/a" }));
    assert.deepEqual(
      (await admin.requests()).map((r) => [r.operation, r.status]),
      [
        ["GetParameter", 403],
        ["GetParameter", 200],
      ],
    );
  });

  it("keeps parameters across a restart with a data directory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ssm-emulator-"));
    try {
      const first = await startEmulator({ port: 0, dataDir: dir });
      const c1 = client(first.url);
      await c1.send(new PutParameterCommand({ Name: "/chime-meetings/t/kept", Type: "String", Value: "v1" }));
      c1.destroy();
      await first.close();
      const second = await startEmulator({ port: 0, dataDir: dir });
      const c2 = client(second.url);
      const { Parameter } = await c2.send(new GetParameterCommand({ Name: "/chime-meetings/t/kept" }));
      assert.equal(Parameter?.Value, "v1");
      c2.destroy();
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
