import { readFile, stat } from 'node:fs/promises';
import type { CheckInput, Report as CheckReport, QualificationInfo } from '@minirelease/checks';
import { type Command, InvalidArgumentError } from 'commander';
import { CliError } from '../cli-error.js';
import type { CliContext } from '../context.js';
import type { Lang, Output } from '../output.js';
import { reportLines } from '../report-lines.js';

export interface CheckFlags {
  path: string;
  name?: string;
  brand?: string;
  category?: string;
  qualification?: QualificationInfo[];
  description?: string;
  lang?: Lang;
  config?: string;
  /** `--no-sandbox` sets it false. */
  sandbox?: boolean;
}

/** Codes that judge a part of the app the user did not name: not reported when that part is not given. */
const NEEDS_FLAG: ReadonlyArray<[keyof CheckFlags, RegExp]> = [
  ['name', /^NAME_/],
  ['brand', /^NAME_MISSING_BRAND$/],
  ['category', /^(CATEGORY_|QUALIFICATION_)/],
];

/**
 * `minirelease check`: the pre-review report of a folder or zip, offline (no server), like a linter a developer
 * runs before uploading. Exits 1 when an `error` finding stands.
 */
export async function checkCommand(flags: CheckFlags, out: Output): Promise<number> {
  const checks = await import('@minirelease/checks');
  const info = await stat(flags.path).catch(() => {
    throw new CliError('PATH_NOT_FOUND', `no such file or folder: ${flags.path}`);
  });
  const options = {
    ...(flags.config ? await loadConfig(checks, flags.config) : {}),
    input: checkInput(flags),
    sandbox: flags.sandbox !== false,
  };
  let report: CheckReport;
  if (info.isDirectory()) {
    const read = await checks.readDirectory(flags.path, options.limits);
    report = read.ok
      ? await checks.checkFiles(read.files, options)
      : await checks.checkPackage(Buffer.alloc(0), options).then((r) => ({
          ...r,
          findings: r.findings.map((f) =>
            f.code === 'PACKAGE_INVALID' ? { ...f, message: read.problem.message } : f,
          ),
        }));
  } else {
    report = await checks.checkPackage(await readFile(flags.path), options);
  }
  report = dropUnasked(report, flags);
  const lang = flags.lang ?? out.lang;
  out.result(report, (c) => [
    c.bold(`${flags.path}`) +
      c.dim(` · ${report.stats.layout} · ${report.stats.files} files · ${kb(report.stats.totalSize)}`),
    ...reportLines(report, lang, c),
  ]);
  return report.ok ? 0 : 1;
}

function checkInput(flags: CheckFlags): CheckInput {
  const input: CheckInput = {};
  if (flags.name !== undefined || flags.brand !== undefined || flags.category !== undefined) {
    input.app = {
      name: flags.name ?? flags.brand ?? '',
      brand: flags.brand ?? '',
      category: flags.category ?? '',
      qualifications: flags.qualification ?? [],
    };
  }
  if (flags.description !== undefined) input.description = flags.description;
  return input;
}

function dropUnasked(report: CheckReport, flags: CheckFlags): CheckReport {
  const unasked = NEEDS_FLAG.filter(([flag]) => flags[flag] === undefined).map(([, code]) => code);
  const findings = report.findings.filter((f) => !unasked.some((code) => code.test(f.code)));
  return { ...report, findings, ok: !findings.some((f) => f.severity === 'error') };
}

/** `TYPE:NUMBER:YYYY-MM-DD`, the type by catalog id or Chinese name: `医疗机构执业许可证:PDY123:2027-01-01`. */
export function parseQualification(value: string, previous: QualificationInfo[] = []): QualificationInfo[] {
  const m = /^([^:]+):([^:]*):(\d{4}-\d{2}-\d{2})$/.exec(value.trim());
  if (!m)
    throw new InvalidArgumentError(
      'expected TYPE:NUMBER:YYYY-MM-DD, e.g. 医疗机构执业许可证:PDY123:2027-01-01',
    );
  return [...previous, { type: m[1]!, number: m[2]!, expiresAt: m[3]! }];
}

/** A platform's tuning file; a broken one is a usage error naming the file and the key. */
async function loadConfig(checks: typeof import('@minirelease/checks'), path: string) {
  try {
    return await checks.loadCheckConfig(path);
  } catch (err) {
    if (err instanceof checks.CheckConfigError) throw new CliError('USAGE', err.message, 2);
    throw err;
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function registerCheck(program: Command, ctx: CliContext): void {
  program
    .command('check')
    .description('pre-review check of a project folder or zip, offline')
    .argument('<path>', 'a folder or .zip')
    .option('--name <name>', "the app's name, for the name rules")
    .option('--brand <brand>', "the app's brand")
    .option('--category <category>', 'a catalog id or its Chinese name, e.g. 医院')
    .option(
      '--qualification <TYPE:NUMBER:YYYY-MM-DD>',
      'a qualification document (repeatable)',
      parseQualification,
    )
    .option('--description <text>', 'the release notes, for their length rule')
    .option('--config <file>', "a platform's checker configuration (JSON)")
    .option('--no-sandbox', 'skip running the launch in the sandbox')
    .action((path: string, flags: Omit<CheckFlags, 'path'>, command: Command) =>
      ctx.run(command, (deps) => checkCommand({ ...flags, path }, deps.out)),
    );
}
