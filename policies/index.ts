import { chimeMeetingsPolicyPack } from "./pack";

// The pack's entry (pulumi preview --policy-pack): the constructor starts the analyzer server, so nothing else may
// import this file. Teams compose their own pack from "chime-meetings/policies" instead.
chimeMeetingsPolicyPack();
