import { describe, expect, it } from 'vitest';
import { readEnv } from './config.js';

describe('readEnv', () => {
  it('keeps 30 days of event minutes and ticks gray plans every 15 s unless told otherwise', () => {
    expect(readEnv({})).toMatchObject({ eventRetentionDays: 30, grayTickSeconds: 15 });
  });

  it('reads the retention and the tick from the environment', () => {
    const env = { MINIRELEASE_EVENT_RETENTION_DAYS: '7', MINIRELEASE_GRAY_TICK_SECONDS: '0.5' };
    expect(readEnv(env)).toMatchObject({ eventRetentionDays: 7, grayTickSeconds: 0.5 });
  });

  it('stops on a retention that is not a positive number', () => {
    expect(() => readEnv({ MINIRELEASE_EVENT_RETENTION_DAYS: 'forever' })).toThrow(
      /MINIRELEASE_EVENT_RETENTION_DAYS must be a positive number/,
    );
    expect(() => readEnv({ MINIRELEASE_EVENT_RETENTION_DAYS: '0' })).toThrow();
  });
});
