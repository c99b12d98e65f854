import type { VersionStatus } from '@minirelease/core';
import type { App, Version } from '@minirelease/sdk';
import type { Colors } from './output.js';

/** Live states green, in-flight yellow, refusals red, history dim: the eye finds what is live. */
export function status(value: VersionStatus, c: Colors): string {
  switch (value) {
    case 'RELEASE':
      return c.green(value);
    case 'GRAY':
    case 'AUDITING':
    case 'WAIT_RELEASE':
      return c.yellow(value);
    case 'AUDIT_REJECT':
      return c.red(value);
    case 'SUPERSEDED':
    case 'ROLLED_BACK':
      return c.dim(value);
    default:
      return value;
  }
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : `${value} %`;
}

/** `qinghe-books 1.0.0 GRAY 30 %` */
export function versionLine(v: Version, c: Colors): string {
  const gray = v.status === 'GRAY' ? ` ${percent(v.grayPercentage)}` : '';
  return `${c.bold(v.appId)} ${v.version} ${status(v.status, c)}${gray}`;
}

/** ISO time to minutes, in UTC as the server gives it: `2025-11-24 23:41`. */
export function when(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

/** The app in a few lines: identity, what is live, who works on it. */
export function appLines(app: App, c: Colors): string[] {
  const visibility = app.visibility === 'online' ? c.green('online') : c.red('offline');
  const lines = [
    `${c.bold(app.appId)}  ${app.name}  ${c.dim(`brand ${app.brand} · category ${app.category} · revision ${app.revision}`)}`,
    `  ${visibility}  live ${app.liveVersion ?? c.dim('none')}`,
  ];
  if (app.grayVersion) lines.push(`  gray ${app.grayVersion} at ${percent(app.grayPercentage)}`);
  else if (app.inFlight) lines.push(`  in flight ${app.inFlight.version} (${app.inFlight.status})`);
  if (app.experienceVersion) lines.push(`  experience ${app.experienceVersion}`);
  if (app.members.length > 0) {
    lines.push(`  members ${app.members.map((m) => `${m.principal} (${m.role})`).join(', ')}`);
  }
  return lines;
}
