import { experienceLink } from '@minirelease/core';
import type { Command } from 'commander';
import QRCode from 'qrcode';
import type { CliContext, Deps } from '../context.js';
import { type AppFlags, type AppVersionFlags, withApp, withAppVersion } from '../options.js';

export interface ExperienceShown {
  appId: string;
  experienceVersion: string | null;
  experiencers: string[];
  link: string | null;
}

async function showExperience(shown: ExperienceShown, { out }: Pick<Deps, 'out'>, verb: string) {
  const qr = shown.link && !out.json ? await QRCode.toString(shown.link, { type: 'utf8', margin: 2 }) : '';
  out.result(shown, (c) => {
    if (!shown.experienceVersion || !shown.link) return c.dim(`${shown.appId} has no experience version`);
    const who =
      shown.experiencers.length === 0 ? c.yellow('no experiencers yet') : shown.experiencers.join(', ');
    return [
      `${verb} ${c.bold(shown.appId)} ${shown.experienceVersion}`,
      `  experiencers ${who}`,
      `  ${shown.link}`,
      ...qr.trimEnd().split('\n'),
    ];
  });
  return 0;
}

/** Makes a version the experience version (体验版) and prints its QR code, as WeChat's tools do. */
export async function experienceSetCommand(flags: AppVersionFlags, deps: Deps): Promise<number> {
  const app = await deps.client.setExperienceVersion(flags.app, flags.version);
  return showExperience(shownOf(app), deps, 'experience');
}

export async function experienceShowCommand(flags: AppFlags, deps: Deps): Promise<number> {
  return showExperience(shownOf(await deps.client.getApp(flags.app)), deps, 'experience');
}

function shownOf(app: Awaited<ReturnType<Deps['client']['getApp']>>): ExperienceShown {
  const v = app.experienceVersion;
  return {
    appId: app.appId,
    experienceVersion: v,
    experiencers: app.experiencers,
    link: v ? experienceLink(app.appId, v) : null,
  };
}

export function registerExperience(program: Command, ctx: CliContext): void {
  const e = program
    .command('experience')
    .description('set and show the experience version (体验版) and its QR code');
  withAppVersion(e.command('set').description('make a version the experience version')).action(
    (flags: AppVersionFlags, command: Command) =>
      ctx.run(command, (deps) => experienceSetCommand(flags, deps)),
  );
  withApp(e.command('show').description('show the experience version, its experiencers and QR code')).action(
    (flags: AppFlags, command: Command) => ctx.run(command, (deps) => experienceShowCommand(flags, deps)),
  );
}
