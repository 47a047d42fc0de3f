// One line for a keeper that cannot start: what is wrong and the next step, never the CLI's whole output.
import { SetupError } from "./environment";
import { summarizeError } from "./retry";

export interface SetupContext {
  stack: string;
  workDir: string;
  /** This repository's `local` stack, which `npm start` creates. */
  repositoryLocal: boolean;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Turns a failure of selecting the stack (or reaching its backend) into a SetupError naming the next step. */
export function setupError(err: unknown, c: SetupContext): SetupError {
  if (err instanceof SetupError) return err;
  const text = messageOf(err);
  if (/no stack named|stack .* not found|does not exist/i.test(text)) {
    const create = c.repositoryLocal
      ? "run `npm start` (it creates the local stack)"
      : `create it with \`pulumi stack init ${c.stack}\` in ${c.workDir}, or log in to the backend that holds it (\`pulumi login\` or PULUMI_BACKEND_URL)`;
    return new SetupError(`stack "${c.stack}" does not exist in this backend: ${create}`);
  }
  if (/no Pulumi\.yaml|no Pulumi project|could not find .*Pulumi\.ya?ml|project file/i.test(text)) {
    return new SetupError(`${c.workDir} is not a Pulumi project (no Pulumi.yaml): pass --cwd with your project's directory`);
  }
  if (/PULUMI_ACCESS_TOKEN must be set|not logged in|pulumi login/i.test(text)) {
    return new SetupError(
      `no backend to read stack "${c.stack}" from: set PULUMI_BACKEND_URL or run \`pulumi login <backend URL>\` (PULUMI_ACCESS_TOKEN for Pulumi Cloud)`,
    );
  }
  if (/passphrase/i.test(text)) {
    return new SetupError(
      `the secrets of stack "${c.stack}" need its passphrase: set PULUMI_CONFIG_PASSPHRASE (or PULUMI_CONFIG_PASSPHRASE_FILE)`,
    );
  }
  return new SetupError(`stack "${c.stack}" could not be opened: ${summarizeError(err)}`);
}
