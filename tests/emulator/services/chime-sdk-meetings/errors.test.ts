import assert from "node:assert/strict";
import {
  BadRequestException,
  ChimeSDKMeetingsClient,
  ConflictException,
  CreateAttendeeCommand,
  CreateMeetingCommand,
  ForbiddenException,
  GetMeetingCommand,
  LimitExceededException,
  ListTagsForResourceCommand,
  NotFoundException,
  ResourceNotFoundException,
  ServiceFailureException,
  ServiceUnavailableException,
  StopMeetingTranscriptionCommand,
  TagResourceCommand,
  ThrottlingException,
  TooManyTagsException,
  UnprocessableEntityException,
} from "@aws-sdk/client-chime-sdk-meetings";
import { signedFetch, useEmulator } from "../../support";

type Ctor = abstract new (...args: never[]) => Error;

describe("emulator error shapes reach the JS SDK as their modeled classes", () => {
  const h = useEmulator();
  const meeting = async (extra: object = {}) =>
    (await h.client().send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "errors", ...extra }))).Meeting!;
  const expect = async (p: Promise<unknown>, cls: Ctor, status: number, message: string | RegExp) => {
    await assert.rejects(p, (err: Error & { $metadata: { httpStatusCode?: number }; Code?: string; RequestId?: string }) => {
      assert.ok(err instanceof cls, `expected ${cls.name}, got ${err.name}: ${err.message}`);
      assert.equal(err.name, cls.name);
      assert.equal(err.$metadata.httpStatusCode, status);
      if (typeof message === "string") assert.equal(err.message, message);
      else assert.match(err.message, message);
      assert.ok(err.Code, "the body carries Code");
      assert.ok(err.RequestId, "the body carries RequestId");
      return true;
    });
  };
  const unknownId = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

  it("BadRequestException (400)", () =>
    expect(
      h.client().send(new CreateMeetingCommand({ MediaRegion: "mars-1", ExternalMeetingId: "x1" })),
      BadRequestException,
      400,
      /^MediaRegion: value "mars-1"/,
    ));
  it("ConflictException (409)", async () => {
    await meeting({ ClientRequestToken: "conflict-token" });
    await expect(
      h
        .client()
        .send(new CreateMeetingCommand({ MediaRegion: "us-east-1", ExternalMeetingId: "other", ClientRequestToken: "conflict-token" })),
      ConflictException,
      409,
      "ClientRequestToken conflict-token was already used with different parameters",
    );
  });
  it("LimitExceededException (400)", async () => {
    const m = await meeting({ MeetingFeatures: { Attendee: { MaxCount: 1 } } });
    await h.client().send(new CreateAttendeeCommand({ MeetingId: m.MeetingId, ExternalUserId: "first" }));
    await expect(
      h.client().send(new CreateAttendeeCommand({ MeetingId: m.MeetingId, ExternalUserId: "second" })),
      LimitExceededException,
      400,
      "Attendees: value 2 must not exceed 1 attendees per meeting (MeetingFeatures.Attendee.MaxCount is 1)",
    );
  });
  it("NotFoundException (404)", () =>
    expect(h.client().send(new GetMeetingCommand({ MeetingId: unknownId })), NotFoundException, 404, `Meeting ${unknownId} not found`));
  it("ResourceNotFoundException (404)", () => {
    const arn = `arn:aws:chime:us-east-1:123456789012:meeting/${unknownId}`;
    return expect(
      h.client().send(new ListTagsForResourceCommand({ ResourceARN: arn })),
      ResourceNotFoundException,
      404,
      `Resource ${arn} not found`,
    );
  });
  it("TooManyTagsException (400)", async () => {
    const m = await meeting({ Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) });
    await expect(
      h.client().send(new TagResourceCommand({ ResourceARN: m.MeetingArn, Tags: [{ Key: "one-more", Value: "v" }] })),
      TooManyTagsException,
      400,
      /would have 51 tags/,
    );
  });
  it("UnprocessableEntityException (422)", async () => {
    const m = await meeting();
    await expect(
      h.client().send(new StopMeetingTranscriptionCommand({ MeetingId: m.MeetingId })),
      UnprocessableEntityException,
      422,
      `No transcription is active for meeting ${m.MeetingId}`,
    );
  });
  it("ThrottlingException (429) from an injected fault", async () => {
    await h.admin.setFaults({ rules: [{ operation: "GetMeeting", kind: "throttle", count: 1 }] });
    await expect(h.client().send(new GetMeetingCommand({ MeetingId: unknownId })), ThrottlingException, 429, "Rate exceeded");
  });
  it("ServiceFailureException (500) from an injected fault", async () => {
    await h.admin.setFaults({ rules: [{ kind: "serviceFailure", count: 1 }] });
    await expect(
      h.client().send(new GetMeetingCommand({ MeetingId: unknownId })),
      ServiceFailureException,
      500,
      "Service has experienced an unexpected failure",
    );
  });
  it("ServiceUnavailableException (503) with RetryAfterSeconds from the Retry-After header", async () => {
    await h.admin.setFaults({ rules: [{ kind: "serviceUnavailable", retryAfterSeconds: 7, count: 1 }] });
    await assert.rejects(h.client().send(new GetMeetingCommand({ MeetingId: unknownId })), (err: ServiceUnavailableException) => {
      assert.ok(err instanceof ServiceUnavailableException);
      assert.equal(err.RetryAfterSeconds, "7");
      return true;
    });
  });
  it("ForbiddenException (403) for an unsupported Authorization algorithm", async () => {
    const c = h.client();
    // After signing, swap the algorithm so the emulator's SigV4 check refuses it.
    c.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> };
        request.headers.authorization = request.headers.authorization.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512");
        return next(args);
      },
      { step: "finalizeRequest", priority: "low" },
    );
    await assert.rejects(c.send(new GetMeetingCommand({ MeetingId: unknownId })), (err: Error) => {
      assert.ok(err instanceof ForbiddenException, `got ${err.name}`);
      assert.match(err.message, /^Unsupported Authorization Type/);
      return true;
    });
  });
  it("an unsigned request is MissingAuthenticationTokenException (403)", async () => {
    const res = await fetch(`${h.emulator.url}/meetings/${unknownId}`);
    assert.equal(res.status, 403);
    assert.equal(res.headers.get("x-amzn-errortype"), "MissingAuthenticationTokenException");
    assert.deepEqual(Object.keys((await res.json()) as object), ["Code", "Message", "RequestId"]);
  });
  it("unknown credentials are UnrecognizedClientException and a wrong secret is InvalidSignatureException", async () => {
    const client = (accessKeyId: string, secretAccessKey: string) =>
      new ChimeSDKMeetingsClient({
        endpoint: h.emulator.url,
        region: "us-east-1",
        maxAttempts: 1,
        credentials: { accessKeyId, secretAccessKey },
      });
    await assert.rejects(client("nobody", "test").send(new GetMeetingCommand({ MeetingId: unknownId })), {
      name: "UnrecognizedClientException",
    });
    await assert.rejects(client("test", "wrong").send(new GetMeetingCommand({ MeetingId: unknownId })), {
      name: "InvalidSignatureException",
    });
  });
  it("a route that is none of the 16 operations is 404 UnknownOperationException", async () => {
    const res = await signedFetch(h.emulator.url, "POST", "/meetings?operation=explode", "{}");
    assert.equal(res.status, 404);
    assert.equal(res.headers.get("x-amzn-errortype"), "UnknownOperationException");
    assert.equal(((await res.json()) as { Message: string }).Message, "No operation matches POST /meetings?operation=explode");
  });
  it("a body that is not JSON is BadRequestException", async () => {
    const res = await signedFetch(h.emulator.url, "POST", "/meetings", "{not json");
    assert.equal(res.status, 400);
    assert.equal(res.headers.get("x-amzn-errortype"), "BadRequestException");
    const body = (await res.json()) as Record<string, string>;
    assert.equal(body.Code, "BadRequest");
    assert.equal(body.Message, "The request body is not valid JSON");
  });
  it("a wrongly typed member is BadRequestException naming the wire field", async () => {
    const res = await signedFetch(
      h.emulator.url,
      "POST",
      "/meetings",
      JSON.stringify({ ClientRequestToken: "tok-1", MediaRegion: 7, ExternalMeetingId: "x1" }),
    );
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { Message: string }).Message, "MediaRegion: value 7 must be a string");
  });
});
