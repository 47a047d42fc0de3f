// The entry of the `chime-meetings` provider plugin, started by its launcher (pulumi-resource-chime-meetings).
import * as provider from "@pulumi/pulumi/provider";
import { CapturedConfig } from "./configure-capture";
import { ChimeMeetingsProvider } from "./plugin-provider";
import { PACKAGE_NAME, packageVersion } from "./schema";
import { installServerHooks } from "./server-hooks";

const config = new CapturedConfig(PACKAGE_NAME);
installServerHooks(config);
void provider.main(new ChimeMeetingsProvider(packageVersion(), config), process.argv.slice(2));
