import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerAdmin } from './commands/admin.js';
import { registerApp } from './commands/app.js';
import { registerBootstrap } from './commands/bootstrap.js';
import { registerCancelGray } from './commands/cancel-gray.js';
import { registerCancelReview } from './commands/cancel-review.js';
import { registerCheck } from './commands/check.js';
import { registerExperience } from './commands/experience.js';
import { registerGray } from './commands/gray.js';
import { registerHealth } from './commands/health.js';
import { registerHostKey } from './commands/hostkey.js';
import { registerLog } from './commands/log.js';
import { registerLogin } from './commands/login.js';
import { registerOfflineOnline } from './commands/offline.js';
import { registerPauseResume } from './commands/pause.js';
import { registerPublish } from './commands/publish.js';
import { registerResolve } from './commands/resolve.js';
import { registerReview } from './commands/review.js';
import { registerRollback } from './commands/rollback.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerStatus } from './commands/status.js';
import { registerSubmit } from './commands/submit.js';
import { registerToken } from './commands/token.js';
import { registerUpload } from './commands/upload.js';
import { registerReport, registerVersion } from './commands/version.js';
import { registerWhoami } from './commands/whoami.js';
import { type CliContext, createContext } from './context.js';
import { type CliIo, processIo } from './io.js';
import { parseLang } from './options.js';
import { createOutput, exitCodeOf } from './output.js';

/** Registration order is the order of `--help`: the release pipeline, as a developer walks it. */
function registerCommands(program: Command, ctx: CliContext): void {
  registerStart(program, ctx);
  registerServe(program, ctx);
  registerLogin(program, ctx);
  registerWhoami(program, ctx);
  registerToken(program, ctx);
  registerHostKey(program, ctx);
  registerApp(program, ctx);
  registerCheck(program, ctx);
  registerUpload(program, ctx);
  registerVersion(program, ctx);
  registerReport(program, ctx);
  registerExperience(program, ctx);
  registerSubmit(program, ctx);
  registerCancelReview(program, ctx);
  registerReview(program, ctx);
  registerGray(program, ctx);
  registerPauseResume(program, ctx);
  registerCancelGray(program, ctx);
  registerPublish(program, ctx);
  registerRollback(program, ctx);
  registerOfflineOnline(program, ctx);
  registerStatus(program, ctx);
  registerHealth(program, ctx);
  registerResolve(program, ctx);
  registerBootstrap(program, ctx);
  registerLog(program, ctx);
  registerAdmin(program, ctx);
}

/**
 * Runs the `minirelease` command line (`argv` as `process.argv`: node, script, args…) and resolves with the
 * exit code: 0 ok, 1 refused or failed, 2 usage.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const args = argv.slice(2);
  // Handled here, not by commander: its program-level `--version` would swallow every `--version <x.y.z>`.
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    io.stdout.write(`${cliVersion()}\n`);
    return 0;
  }
  // Known before parsing, so even a usage error is reported as JSON when --json was asked for.
  const json = args.includes('--json');
  const ctx = createContext(io);
  const program = new Command('minirelease')
    .description('release mini-programs: upload, check, review, gray, publish')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => (json ? undefined : write(text)),
    })
    .showHelpAfterError(json ? false : '(run with --help for usage)')
    // Inherited by every command registered below: each --help lists --server, --token, --json, --lang.
    .configureHelp({ showGlobalOptions: true })
    .option(
      '--server <url>',
      'the API (default: $MINIRELEASE_SERVER, the saved login, http://127.0.0.1:8080)',
    )
    .option('--token <token>', 'the API token (default: $MINIRELEASE_TOKEN, the saved login)')
    .option('--json', 'print only the resource as JSON on stdout; errors as JSON on stderr')
    .option('--lang <lang>', 'zh or en, for findings and summaries (default: from the locale)', parseLang);
  registerCommands(program, ctx);
  try {
    await program.parseAsync(args, { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    const code = exitCodeOf(err);
    // Commander has already printed its own errors as text; JSON callers get them in the API's shape.
    if (code !== 0 && (json || !(err instanceof CommanderError))) createOutput(io, json).error(err);
    return code;
  }
}

function cliVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
