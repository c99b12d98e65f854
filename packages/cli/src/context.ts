import { MiniReleaseClient } from '@minirelease/sdk';
import type { Command } from 'commander';
import { configFilePath, resolveConfig } from './config.js';
import type { CliIo } from './io.js';
import { createOutput, exitCodeOf, type Output } from './output.js';

/** The options every command takes (DESIGN §6). */
export interface GlobalFlags {
  server?: string;
  token?: string;
  json?: boolean;
  lang?: 'zh' | 'en';
}

/** What a command function needs: the API client and the output, both built from the global options. */
export interface Deps {
  readonly client: MiniReleaseClient;
  readonly out: Output;
}

/** What registration code needs beyond `Deps`: the raw flags and IO, for `login` and `start`. */
export interface RunDeps extends Deps {
  readonly io: CliIo;
  readonly globals: GlobalFlags;
  readonly configFile: string;
  connect(server: string, token: string | undefined): MiniReleaseClient;
}

export interface CliContext {
  readonly io: CliIo;
  /** The exit code of the command that ran. */
  readonly exitCode: number;
  /** Runs a command's function with its deps; prints what it throws and keeps its exit code. */
  run(command: Command, action: (deps: RunDeps) => Promise<number>): Promise<void>;
}

export function createContext(io: CliIo): CliContext {
  let exitCode = 0;
  const connect = (server: string, token: string | undefined) =>
    new MiniReleaseClient({ baseUrl: server, token, fetch: io.fetch });
  return {
    io,
    get exitCode() {
      return exitCode;
    },
    async run(command, action) {
      const globals = command.optsWithGlobals() as GlobalFlags;
      const out = createOutput(io, globals.json === true, globals.lang);
      const configFile = configFilePath(io.env);
      let client: MiniReleaseClient | undefined;
      const deps: RunDeps = {
        io,
        out,
        globals,
        configFile,
        connect,
        // Lazy: `start` and `serve` need no server address, and must not fail on a broken saved config.
        get client() {
          if (!client) {
            const { server, token } = resolveConfig(globals, io.env, configFile);
            client = connect(server, token);
          }
          return client;
        },
      };
      try {
        exitCode = await action(deps);
      } catch (err) {
        out.error(err);
        exitCode = exitCodeOf(err);
      }
    },
  };
}
