import { DomainError } from '../errors.js';

/** A release version. Only `x.y.z`: the string enters the gray hash, so `1.4.0` and `1.4.0+build` must not both exist. */
export interface Semver {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

const SEMVER = /^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})$/;

export function parseSemver(input: string): Semver | undefined {
  const m = SEMVER.exec(input);
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

export function assertSemver(input: string): Semver {
  const v = parseSemver(input);
  if (!v) {
    throw new DomainError('VERSION_INVALID', `version "${input}" is not of the form x.y.z (e.g. 1.4.0)`, {
      version: input,
    });
  }
  return v;
}

export function compareSemver(a: string, b: string): number {
  const x = assertSemver(a);
  const y = assertSemver(b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}
