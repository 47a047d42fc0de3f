"""Sends one request per URL/body shape through boto3 so a loopback server can check the SigV4 signatures.

Usage: python3 signing_probe.py <endpoint_url> <access_key_id> <secret_access_key>
Prints a JSON list of {"operation", "ok", "code"}; "code" is the error code the server answered with.
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

MEETING_ID = "a b/c\u00e9"  # forces label encoding (and double encoding in the canonical URI)
ATTENDEE_ID = "11111111-2222-3333-4444-555555555555"
CAPABILITIES = {"Audio": "SendReceive", "Video": "None", "Content": "None"}

CALLS = [
    ("GetMeeting", "get_meeting", {"MeetingId": MEETING_ID}),
    ("ListAttendees", "list_attendees", {"MeetingId": MEETING_ID, "NextToken": "tok/=+ &\u00e9~*", "MaxResults": 5}),
    ("ListTagsForResource", "list_tags_for_resource", {"ResourceARN": "arn:aws:chime:us-east-1:123456789012:meeting/x y"}),
    ("CreateMeeting", "create_meeting", {"MediaRegion": "us-east-1", "ExternalMeetingId": "caf\u00e9 standup"}),
    ("CreateMeetingWithAttendees", "create_meeting_with_attendees",
     {"MediaRegion": "us-east-1", "ExternalMeetingId": "m-1", "Attendees": [{"ExternalUserId": "u-1"}]}),
    ("UpdateAttendeeCapabilities", "update_attendee_capabilities",
     {"MeetingId": MEETING_ID, "AttendeeId": ATTENDEE_ID, "Capabilities": CAPABILITIES}),
    ("StopMeetingTranscription", "stop_meeting_transcription", {"MeetingId": MEETING_ID}),
    ("DeleteMeeting", "delete_meeting", {"MeetingId": MEETING_ID}),
]


def main() -> None:
    endpoint, key, secret = sys.argv[1:4]
    client = boto3.session.Session().client(
        "chime-sdk-meetings",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=Config(retries={"total_max_attempts": 1}),
    )
    results = []
    for operation, method, params in CALLS:
        try:
            getattr(client, method)(**params)
            results.append({"operation": operation, "ok": True, "code": None})
        except ClientError as err:
            results.append({"operation": operation, "ok": False, "code": err.response["Error"]["Code"]})
    print(json.dumps(results))


if __name__ == "__main__":
    main()
