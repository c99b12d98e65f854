import cliProgress from 'cli-progress';
import type { Output } from './output.js';

export interface Progress {
  update(sent: number, total: number): void;
  stop(): void;
}

/**
 * An upload bar on stderr, drawn only for a person at a terminal: no TTY (CI logs, pipes) or `--json` gets
 * nothing, so logs and stdout stay clean.
 */
export function createProgress(out: Output, label: string): Progress | undefined {
  if (!out.interactive) return undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: out.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} KB`,
      formatValue: (v, _options, type) =>
        type === 'value' || type === 'total' ? (v / 1024).toFixed(0) : String(v),
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(sent, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(sent);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
