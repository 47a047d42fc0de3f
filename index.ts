// The stack program: the meetings declared in `chime-meetings:meetings` (Pulumi.<stack>.yaml).
import { loadMeetings } from "./stack/load";
import { declareMeetings, joinInfo as joinInfoOf, meetingSummaries } from "./stack/meetings";
import { addressNames, publishAddresses } from "./stack/publish";
import { activeMeetings, currentTime } from "./stack/window";

// Meetings outside their `window` are not declared: up removes them once the window has ended.
const declarations = activeMeetings(loadMeetings(), currentTime());
const resources = declareMeetings(declarations);
const published = publishAddresses(declarations, resources);

/** Per meeting: id, ARN, regions, attendee names and tags. */
export const meetings = meetingSummaries(declarations, resources);
/** Per meeting: media placement and each attendee's id and join token (secret). */
export const joinInfo = joinInfoOf(declarations, resources);
/** Per meeting with `publish: true`: the SSM parameter holding its current join information. */
export const addresses = addressNames(published);
