// The stack program: the meetings declared in `chime-meetings:meetings` (Pulumi.<stack>.yaml).
import { loadMeetings } from "./stack/load";
import { declareMeetings, joinInfo as joinInfoOf, meetingSummaries } from "./stack/meetings";

const declarations = loadMeetings();
const resources = declareMeetings(declarations);

/** Per meeting: id, ARN, regions, attendee names and tags. */
export const meetings = meetingSummaries(declarations, resources);
/** Per meeting: media placement and each attendee's id and join token (secret). */
export const joinInfo = joinInfoOf(declarations, resources);
