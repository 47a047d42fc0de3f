import { LocalWorkspace, type PulumiCommand, type Stack } from "@pulumi/pulumi/automation";
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

/** The existing stack on disk (`LocalWorkspace.selectStack`): the keeper never creates one. */
export function selectStack(o: AutomationOptions): Promise<Stack> {
  return LocalWorkspace.selectStack({ stackName: o.stack, workDir: o.workDir }, { pulumiCommand: o.pulumiCommand, envVars: o.envVars });
}

/** StackOps on the Automation API: `pulumi stack export`, `config`, targeted `refresh` and `up`. */
export async function stackOps(stack: Stack, onOutput?: (text: string) => void): Promise<StackOps> {
  const project = (await stack.workspace.projectSettings()).name;
  return {
    stack: stack.name,
    project,
    exportDeployment: async () => (await stack.exportStack()).deployment as Deployment,
    meetingsConfig: async () => {
      const all = await stack.getAllConfig();
      const raw = all["chime-meetings:meetings"]?.value;
      return {
        meetings: raw === undefined ? undefined : JSON.parse(raw),
        region: all["chime-meetings:region"]?.value,
        endpoint: all["chime-meetings:endpoint"]?.value,
      };
    },
    refresh: async (targets, { clearPendingCreates }) => {
      await stack.refresh({ target: targets, clearPendingCreates, onOutput });
    },
    up: async (targets, opts) => {
      await stack.up({ target: targets, refresh: opts?.refresh === true, onOutput });
    },
  };
}
