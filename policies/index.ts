import { PolicyPack } from "@pulumi/policy";
import { allPolicies } from "./rules/catalog";

// Wiring only: the constructor starts the analyzer server, so nothing else may import this file.
new PolicyPack("chime-meetings", {
  description: "Guard-rails for Amazon Chime SDK meetings and their notification targets (see docs/POLICIES.md).",
  policies: allPolicies,
});
