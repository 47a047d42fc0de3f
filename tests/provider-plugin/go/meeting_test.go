// The Go SDK generated from the plugin's schema under the Go SDK's mocks: a meeting and its replica.
// Run by tests/provider-plugin/go-sdk.test.ts inside a module holding the generated SDK.
package mockstest

import (
	"fmt"
	"sync"
	"testing"

	"chime-meetings.local/sdk/go/chimemeetings"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

const meetingType = "chime-meetings:index:Meeting"

// serviceMocks answers like the plugin's create: the inputs echoed, plus the ids and the attendees with tokens.
type serviceMocks struct {
	mu     sync.Mutex
	inputs map[string]resource.PropertyMap
}

func (m *serviceMocks) NewResource(args pulumi.MockResourceArgs) (string, resource.PropertyMap, error) {
	if args.TypeToken != meetingType {
		return "", nil, fmt.Errorf("unexpected resource type %s", args.TypeToken)
	}
	m.mu.Lock()
	m.inputs[args.Name] = args.Inputs
	m.mu.Unlock()
	id := args.Name + "-0000-4000-8000-000000000001"
	outs := args.Inputs.Copy()
	outs["meetingId"] = resource.NewStringProperty(id)
	outs["meetingArn"] = resource.NewStringProperty("arn:aws:chime:us-east-1:123456789012:meeting/" + id)
	outs["region"] = resource.NewStringProperty("us-east-1")
	var attendees []resource.PropertyValue
	if list, ok := args.Inputs["attendees"]; ok {
		for _, a := range list.ArrayValue() {
			user := a.ObjectValue()["externalUserId"].StringValue()
			attendees = append(attendees, resource.NewObjectProperty(resource.PropertyMap{
				"externalUserId": resource.NewStringProperty(user),
				"attendeeId":     resource.NewStringProperty(user + "-attendee"),
				"joinToken":      resource.NewStringProperty("token-" + user),
				"capabilities": resource.NewObjectProperty(resource.PropertyMap{
					"audio": resource.NewStringProperty("SendReceive"), "video": resource.NewStringProperty("SendReceive"),
					"content": resource.NewStringProperty("SendReceive"),
				}),
			}))
		}
	}
	outs["attendees"] = resource.NewArrayProperty(attendees)
	return id, outs, nil
}

func (m *serviceMocks) Call(args pulumi.MockCallArgs) (resource.PropertyMap, error) {
	return args.Args, nil
}

func TestMeetingAndReplicaUnderMocks(t *testing.T) {
	mocks := &serviceMocks{inputs: map[string]resource.PropertyMap{}}
	var wg sync.WaitGroup
	err := pulumi.RunErr(func(ctx *pulumi.Context) error {
		primary, err := chimemeetings.NewMeeting(ctx, "primary", &chimemeetings.MeetingArgs{
			ExternalMeetingId: pulumi.String("go-townhall"),
			MediaRegion:       pulumi.String("us-east-1"),
			Tags:              pulumi.StringMap{"team": pulumi.String("comms")},
			Attendees: chimemeetings.AttendeeArray{
				chimemeetings.AttendeeArgs{ExternalUserId: pulumi.String("host-sam")},
				chimemeetings.AttendeeArgs{ExternalUserId: pulumi.String("viewer-alex")},
			},
		})
		if err != nil {
			return err
		}
		replica, err := chimemeetings.NewMeeting(ctx, "replica", &chimemeetings.MeetingArgs{
			ExternalMeetingId: pulumi.String("go-townhall-eu"),
			MediaRegion:       pulumi.String("eu-central-1"),
			PrimaryMeetingId:  primary.MeetingId,
		})
		if err != nil {
			return err
		}
		wg.Add(1)
		pulumi.All(primary.MeetingId, replica.PrimaryMeetingId, primary.Attendees, primary.Tags).ApplyT(func(all []interface{}) error {
			defer wg.Done()
			primaryID, replicaPrimary := all[0].(string), all[1].(*string)
			attendees := all[2].([]chimemeetings.AttendeeOutputType)
			tags := all[3].(map[string]string)
			if primaryID != "primary-0000-4000-8000-000000000001" {
				t.Errorf("meetingId = %q", primaryID)
			}
			if replicaPrimary == nil || *replicaPrimary != primaryID {
				t.Errorf("replica primaryMeetingId = %v, want %q", replicaPrimary, primaryID)
			}
			if len(attendees) != 2 || attendees[0].ExternalUserId != "host-sam" || attendees[0].JoinToken == nil || *attendees[0].JoinToken != "token-host-sam" {
				t.Errorf("attendees = %+v", attendees)
			}
			if tags["team"] != "comms" {
				t.Errorf("tags = %v", tags)
			}
			return nil
		})
		return nil
	}, pulumi.WithMocks("chime", "dev", mocks))
	if err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	sent := mocks.inputs["primary"]
	if sent["externalMeetingId"].StringValue() != "go-townhall" || sent["mediaRegion"].StringValue() != "us-east-1" {
		t.Errorf("inputs sent = %v", sent)
	}
}
