"""Drives the emulator through boto3 (an independent client: botocore's own serializer, signer and parser).

Usage: python3 chime_suite.py <endpoint_url> <phase>
  phase "api"    every one of the 16 operations, error classes, signature rejection
  phase "faults" run after the caller configured faults: GetMeeting throttle x1, CreateAttendee serviceFailure x1,
                 ListTagsForResource serviceUnavailable(retryAfterSeconds=3) x1, ListAttendees throttle x2
Prints one JSON object: {case name: observation}. An observation is {"ok": true, ...values} or
{"ok": false, "code", "status", "message", "retryAfter"}. The mocha wrapper asserts on them.
"""
import json
import sys
import uuid

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

REGION = "us-east-1"
SEND_RECEIVE = {"Audio": "SendReceive", "Video": "SendReceive", "Content": "SendReceive"}
AUDIO_ONLY = {"Audio": "SendReceive", "Video": "None", "Content": "None"}
LISTEN_ONLY = {"Audio": "Receive", "Video": "None", "Content": "None"}


def client(endpoint, key="test", secret="test", attempts=1):
    return boto3.session.Session().client(
        "chime-sdk-meetings",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=Config(retries={"mode": "standard", "total_max_attempts": attempts}),
    )


def observe(call):
    try:
        value = call()
        return {"ok": True, **(value or {})}
    except ClientError as err:
        meta = err.response.get("ResponseMetadata", {})
        return {
            "ok": False,
            "code": err.response.get("Error", {}).get("Code"),
            "status": meta.get("HTTPStatusCode"),
            "message": err.response.get("Error", {}).get("Message"),
            "retryAfter": err.response.get("RetryAfterSeconds") or meta.get("HTTPHeaders", {}).get("retry-after"),
            "attempts": meta.get("RetryAttempts", 0) + 1,
        }


def create_meeting(c, external_id, **extra):
    return c.create_meeting(MediaRegion=REGION, ExternalMeetingId=external_id, **extra)["Meeting"]


def list_attendee_pages(c, mid, size):
    """botocore ships no paginator for ListAttendees, so follow NextToken by hand (bounded)."""
    kwargs = {"MeetingId": mid, "MaxResults": size}
    for _ in range(100):
        page = c.list_attendees(**kwargs)
        yield page
        if not page.get("NextToken"):
            return
        kwargs["NextToken"] = page["NextToken"]


def api_phase(endpoint):
    c = client(endpoint)
    out = {}
    token = "suite-" + uuid.uuid4().hex[:16]
    create_params = {
        "ClientRequestToken": token,
        "MeetingFeatures": {"Audio": {"EchoReduction": "AVAILABLE"}, "Attendee": {"MaxCount": 10}},
        "Tags": [{"Key": "team", "Value": "rtc"}],
    }
    meeting = create_meeting(c, "boto3-suite", **create_params)
    mid = meeting["MeetingId"]
    arn = meeting["MeetingArn"]
    out["CreateMeeting"] = {"ok": True, "meetingId": mid, "meetingArn": arn, "mediaRegion": meeting["MediaRegion"],
                            "hasSignalingUrl": bool(meeting.get("MediaPlacement", {}).get("SignalingUrl")),
                            "features": meeting.get("MeetingFeatures")}
    out["CreateMeetingIdempotent"] = observe(lambda: {"meetingId": create_meeting(c, "boto3-suite", **create_params)["MeetingId"]})
    out["ConflictException"] = observe(lambda: create_meeting(c, "boto3-other", ClientRequestToken=token))
    out["GetMeeting"] = observe(lambda: {"meetingId": c.get_meeting(MeetingId=mid)["Meeting"]["MeetingId"]})

    attendee = c.create_attendee(MeetingId=mid, ExternalUserId="user-1")["Attendee"]
    aid = attendee["AttendeeId"]
    out["CreateAttendee"] = {"ok": True, "attendeeId": aid, "hasJoinToken": bool(attendee.get("JoinToken")),
                             "capabilities": attendee.get("Capabilities")}
    batch = c.batch_create_attendee(MeetingId=mid, Attendees=[{"ExternalUserId": "user-2"}, {"ExternalUserId": "user-3", "Capabilities": AUDIO_ONLY}])
    out["BatchCreateAttendee"] = {"ok": True, "created": len(batch["Attendees"]), "errors": batch.get("Errors", [])}
    out["GetAttendee"] = observe(lambda: {"externalUserId": c.get_attendee(MeetingId=mid, AttendeeId=aid)["Attendee"]["ExternalUserId"]})
    pages = list(list_attendee_pages(c, mid, 1))
    out["ListAttendees"] = {"ok": True, "pages": len(pages), "externalUserIds": sorted(a["ExternalUserId"] for p in pages for a in p["Attendees"])}
    out["UpdateAttendeeCapabilities"] = observe(lambda: {"capabilities": c.update_attendee_capabilities(
        MeetingId=mid, AttendeeId=aid, Capabilities=AUDIO_ONLY)["Attendee"]["Capabilities"]})
    out["BatchUpdateAttendeeCapabilitiesExcept"] = observe(lambda: {"status": c.batch_update_attendee_capabilities_except(
        MeetingId=mid, ExcludedAttendeeIds=[{"AttendeeId": aid}], Capabilities=LISTEN_ONLY)["ResponseMetadata"]["HTTPStatusCode"]})
    out["CapabilitiesAfterBatchUpdate"] = {"ok": True, "byUser": {
        a["ExternalUserId"]: a["Capabilities"] for a in c.list_attendees(MeetingId=mid, MaxResults=10)["Attendees"]}}
    out["StartMeetingTranscription"] = observe(lambda: {"status": c.start_meeting_transcription(
        MeetingId=mid, TranscriptionConfiguration={"EngineTranscribeSettings": {"LanguageCode": "en-US"}})["ResponseMetadata"]["HTTPStatusCode"]})
    out["StopMeetingTranscription"] = observe(lambda: {"status": c.stop_meeting_transcription(MeetingId=mid)["ResponseMetadata"]["HTTPStatusCode"]})
    out["TagResource"] = observe(lambda: {"status": c.tag_resource(ResourceARN=arn, Tags=[{"Key": "env", "Value": "test"}])["ResponseMetadata"]["HTTPStatusCode"]})
    out["UntagResource"] = observe(lambda: {"status": c.untag_resource(ResourceARN=arn, TagKeys=["team"])["ResponseMetadata"]["HTTPStatusCode"]})
    out["ListTagsForResource"] = observe(lambda: {"tags": c.list_tags_for_resource(ResourceARN=arn)["Tags"]})
    out["DeleteAttendee"] = observe(lambda: {"status": c.delete_attendee(MeetingId=mid, AttendeeId=aid)["ResponseMetadata"]["HTTPStatusCode"]})
    out["GetDeletedAttendee"] = observe(lambda: c.get_attendee(MeetingId=mid, AttendeeId=aid))

    with_attendees = c.create_meeting_with_attendees(
        MediaRegion="eu-central-1", ExternalMeetingId="boto3-with-attendees",
        Attendees=[{"ExternalUserId": "host-1"}, {"ExternalUserId": "guest-1", "Capabilities": SEND_RECEIVE}])
    out["CreateMeetingWithAttendees"] = {"ok": True, "mediaRegion": with_attendees["Meeting"]["MediaRegion"],
                                         "attendees": len(with_attendees["Attendees"]), "errors": with_attendees.get("Errors", [])}
    other = with_attendees["Meeting"]["MeetingId"]
    out["DeleteMeeting"] = observe(lambda: {"status": c.delete_meeting(MeetingId=other)["ResponseMetadata"]["HTTPStatusCode"]})
    out["GetDeletedMeeting"] = observe(lambda: c.get_meeting(MeetingId=other))

    out.update(error_cases(endpoint, c, mid, arn))
    return out


def error_cases(endpoint, c, mid, arn):
    out = {}
    unknown = str(uuid.uuid4())
    out["NotFoundException"] = observe(lambda: c.get_meeting(MeetingId=unknown))
    out["BadRequestExceptionGuid"] = observe(lambda: c.get_meeting(MeetingId="not-a-guid"))
    out["BadRequestExceptionRegion"] = observe(lambda: c.create_meeting(MediaRegion="mars-north-1", ExternalMeetingId="bad-region"))
    out["BadRequestExceptionCapabilities"] = observe(lambda: c.create_attendee(
        MeetingId=mid, ExternalUserId="user-x", Capabilities={"Audio": "SendReceive", "Video": "None", "Content": "SendReceive"}))
    many = [{"Key": f"k{i}", "Value": "v"} for i in range(50)]
    out["TooManyTagsException"] = observe(lambda: c.tag_resource(ResourceARN=arn, Tags=many))
    missing_arn = arn.rsplit("/", 1)[0] + "/" + unknown
    out["ResourceNotFoundException"] = observe(lambda: c.list_tags_for_resource(ResourceARN=missing_arn))
    out["WrongSecret"] = observe(lambda: client(endpoint, secret="not-test").get_meeting(MeetingId=mid))
    out["UnknownAccessKey"] = observe(lambda: client(endpoint, key="AKIDUNKNOWN").get_meeting(MeetingId=mid))
    return out


def faults_phase(endpoint):
    setup = client(endpoint)
    # CreateMeeting carries no fault rule; the meeting exists before the faulted calls.
    meeting = create_meeting(setup, "boto3-faults")
    mid, arn = meeting["MeetingId"], meeting["MeetingArn"]
    once = client(endpoint)
    out = {
        "ThrottlingException": observe(lambda: once.get_meeting(MeetingId=mid)),
        "GetMeetingAfterThrottle": observe(lambda: {"meetingId": once.get_meeting(MeetingId=mid)["Meeting"]["MeetingId"]}),
        "ServiceFailureException": observe(lambda: once.create_attendee(MeetingId=mid, ExternalUserId="user-f")),
        "ServiceUnavailableException": observe(lambda: once.list_tags_for_resource(ResourceARN=arn)),
    }
    retrying = client(endpoint, attempts=3)
    def list_with_retries():
        response = retrying.list_attendees(MeetingId=mid)
        return {"attendees": len(response["Attendees"]), "attempts": response["ResponseMetadata"]["RetryAttempts"] + 1}
    out["RetriesRecover"] = observe(list_with_retries)
    return out


def main():
    endpoint, phase = sys.argv[1], sys.argv[2]
    result = api_phase(endpoint) if phase == "api" else faults_phase(endpoint)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
