import { LocalWorkspace, type PulumiCommand } from "@pulumi/pulumi/automation";
import type { StackOps } from "./round";
import type { Deployment } from "./state";

export interface AutomationOptions {
  stack: string;
  workDir: string;
  pulumiCommand: PulumiCommand;
  envVars: Record<string, string>;
  /** Receives the engine's output when set (--verbose). */
  onOutput?: (text: string) => void;
}

/** StackOps on the Automation API: `pulumi stack export`, `config`, targeted `refresh` and `up` on a stack on disk. */
export async function automationStackOps(o: AutomationOptions): Promise<StackOps> {
  const stack = await LocalWorkspace.selectStack({ stackName: o.stack, workDir: o.workDir }, { pulumiCommand: o.pulumiCommand, envVars: o.envVars });
  const project = (await stack.workspace.projectSettings()).name;
  return {
    stack: o.stack,
    project,
    exportDeployment: async () => (await stack.exportStack()).deployment as Deployment,
    meetingsConfig: async () => {
      const all = await stack.getAllConfig();
      const raw = all["chime-meetings:meetings"]?.value;
      return { meetings: raw === undefined ? undefined : JSON.parse(raw), region: all["chime-meetings:region"]?.value };
    },
    refresh: async (targets, { clearPendingCreates }) => {
      await stack.refresh({ target: targets, clearPendingCreates, onOutput: o.onOutput });
    },
    up: async (targets) => {
      await stack.up({ target: targets, onOutput: o.onOutput });
    },
  };
}
