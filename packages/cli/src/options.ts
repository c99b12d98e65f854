import { parseSemver } from '@minirelease/core';
import { type Command, InvalidArgumentError } from 'commander';

/** The flags of every command that acts on an app. */
export interface AppFlags {
  app: string;
}

/** The flags of every command that acts on one version. */
export interface AppVersionFlags extends AppFlags {
  version: string;
}

export function withApp(command: Command): Command {
  return command.requiredOption('--app <appId>', 'the app id');
}

export function withAppVersion(command: Command): Command {
  return withApp(command).requiredOption('--version <version>', 'the version, x.y.z', semver);
}

/** `x.y.z` as the server takes it: a malformed number is the caller's usage error (exit 2), not a refusal. */
export function semver(value: string): string {
  if (!parseSemver(value)) throw new InvalidArgumentError('expected a version x.y.z, e.g. 1.4.0');
  return value;
}

/** `--lang`: the language of findings and summaries; commander turns the throw into a usage error. */
export function parseLang(value: string): 'zh' | 'en' {
  if (value !== 'zh' && value !== 'en') throw new InvalidArgumentError('expected zh or en');
  return value;
}

/** For repeatable options: `--reason A --reason B` → ['A', 'B']. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Parses a whole number in [min, max]; commander turns the throw into a usage error (exit 2). */
export function integer(min: number, max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
    }
    return n;
  };
}
