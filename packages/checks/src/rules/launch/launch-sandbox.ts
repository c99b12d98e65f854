import { DEFAULT_LAUNCH_OPTIONS, type LaunchOptions, runLaunch } from '../../sandbox/run-launch.js';
import type { Rule } from '../rule.js';
import { launchFindings } from './launch-findings.js';

/**
 * RUNTIME_ERROR_ON_LAUNCH and the dynamic half of FIRST_SCREEN_AUTH: launches `app.js` and the entry page
 * in the sandbox (`sandbox/run-launch.ts`) and reports what threw, rejected, hung or ran out of memory,
 * and the authorization APIs called while nothing was tapped. A launch the sandbox cannot run (TypeScript
 * sources, a script that does not parse, the sandbox itself failing) gives no finding: other rules report
 * the package's faults, and the sandbox's own are not the app's.
 */
export function createLaunchSandboxRule(options: LaunchOptions = {}): Rule {
  const limits = {
    deadlineMs: options.deadlineMs ?? DEFAULT_LAUNCH_OPTIONS.deadlineMs,
    memoryMb: options.memoryMb ?? DEFAULT_LAUNCH_OPTIONS.memoryMb,
  };
  return {
    name: 'launch-sandbox',
    needs: 'package',
    codes: ['RUNTIME_ERROR_ON_LAUNCH', 'FIRST_SCREEN_AUTH'],
    sandbox: true,
    async run(context) {
      // `checkFiles` already leaves the rule out when `CheckOptions.sandbox` is false; a direct run obeys too.
      if (!context.sandbox || context.appJson.status !== 'ok') return [];
      const result = await runLaunch(context, options);
      return launchFindings(result, context.finding, limits);
    },
  };
}

/** The rule with the default deadline (1000 ms), settle time (200 ms) and heap (64 MB). */
export const launchSandboxRule: Rule = createLaunchSandboxRule();
