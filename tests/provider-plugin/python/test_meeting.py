"""The generated Python SDK (pulumi_chime_meetings) under Pulumi's Python mocks: a meeting and its replica.

Run by tests/provider-plugin/python-sdk.test.ts inside a venv holding `pulumi` (PyPI) and the SDK.
"""
import unittest

import pulumi

MEETING_TYPE = "chime-meetings:index:Meeting"


class ServiceMocks(pulumi.runtime.Mocks):
    """Answers like the plugin's create: the inputs echoed, plus the ids, media placement and attendees."""

    def __init__(self):
        self.registered = {}

    def new_resource(self, args: pulumi.runtime.MockResourceArgs):
        if args.typ != MEETING_TYPE:
            raise ValueError(f"unexpected resource type {args.typ}")
        self.registered[args.name] = dict(args.inputs)
        meeting_id = f"{args.name}-0000-4000-8000-000000000001"
        attendees = [
            {
                "externalUserId": a["externalUserId"],
                "attendeeId": f"{a['externalUserId']}-attendee",
                "capabilities": a.get("capabilities", {"audio": "SendReceive", "video": "SendReceive", "content": "SendReceive"}),
                "joinToken": f"token-{a['externalUserId']}",
            }
            for a in args.inputs.get("attendees", [])
        ]
        state = dict(
            args.inputs,
            region=args.inputs.get("region", "us-east-1"),
            meetingId=meeting_id,
            meetingArn=f"arn:aws:chime:us-east-1:123456789012:meeting/{meeting_id}",
            mediaPlacement={"audioHostUrl": f"{meeting_id}.k.m1.ue1.app.chime.aws:3478"},
            tags=args.inputs.get("tags", {}),
            attendees=attendees,
        )
        return [meeting_id, state]

    def call(self, args: pulumi.runtime.MockCallArgs):
        return {}


mocks = ServiceMocks()
pulumi.runtime.set_mocks(mocks, preview=False)

import pulumi_chime_meetings as chime  # noqa: E402  (the SDK must load after set_mocks)

primary = chime.Meeting(
    "primary",
    external_meeting_id="py-townhall",
    media_region="us-east-1",
    tags={"team": "comms"},
    meeting_features=chime.MeetingFeaturesArgs(attendee=chime.AttendeeFeaturesArgs(max_count=50)),
    attendees=[
        chime.AttendeeArgs(
            external_user_id="host-sam",
            capabilities=chime.AttendeeCapabilitiesArgs(audio="SendReceive", video="SendReceive", content="SendReceive"),
        ),
        chime.AttendeeArgs(external_user_id="viewer-alex"),
    ],
)
replica = chime.Meeting(
    "replica",
    external_meeting_id="py-townhall-eu",
    media_region="eu-central-1",
    primary_meeting_id=primary.meeting_id,
    attendees=[chime.AttendeeArgs(external_user_id="viewer-eu")],
)


class MeetingTest(unittest.TestCase):
    @pulumi.runtime.test
    def test_primary_outputs_are_typed_and_carry_join_tokens(self):
        def check(values):
            meeting_id, arn, tags, attendees, features = values
            self.assertEqual(meeting_id, "primary-0000-4000-8000-000000000001")
            self.assertTrue(arn.endswith(f"meeting/{meeting_id}"))
            self.assertEqual(tags, {"team": "comms"})
            # Nested outputs come back with the SDK's snake_case keys (the output classes are dicts too).
            self.assertEqual(features["attendee"]["max_count"], 50)
            self.assertEqual([a["external_user_id"] for a in attendees], ["host-sam", "viewer-alex"])
            self.assertEqual(attendees[0]["capabilities"]["audio"], "SendReceive")
            self.assertEqual(attendees[0]["join_token"], "token-host-sam")
            self.assertEqual(attendees[1]["attendee_id"], "viewer-alex-attendee")

        return pulumi.Output.all(primary.meeting_id, primary.meeting_arn, primary.tags, primary.attendees, primary.meeting_features).apply(check)

    @pulumi.runtime.test
    def test_inputs_reach_the_provider_in_schema_names(self):
        def check(_):
            sent = mocks.registered["primary"]
            self.assertEqual(sent["externalMeetingId"], "py-townhall")
            self.assertEqual(sent["mediaRegion"], "us-east-1")
            self.assertEqual(sent["meetingFeatures"], {"attendee": {"maxCount": 50}})
            self.assertEqual([a["externalUserId"] for a in sent["attendees"]], ["host-sam", "viewer-alex"])
            self.assertEqual(sent["attendees"][0]["capabilities"], {"audio": "SendReceive", "video": "SendReceive", "content": "SendReceive"})

        return primary.meeting_id.apply(check)

    @pulumi.runtime.test
    def test_replica_is_wired_to_the_primary_meeting_id(self):
        def check(values):
            primary_id, replica_primary_id = values
            self.assertEqual(replica_primary_id, primary_id)
            self.assertEqual(mocks.registered["replica"]["primaryMeetingId"], primary_id)

        return pulumi.Output.all(primary.meeting_id, replica.primary_meeting_id).apply(check)


if __name__ == "__main__":
    unittest.main()
