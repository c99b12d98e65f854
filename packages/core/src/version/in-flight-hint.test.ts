import { describe, expect, it } from 'vitest';
import { inFlightHint } from './in-flight-hint.js';
import { transition } from './version-machine.js';

describe('inFlightHint', () => {
  it('tells a rejected version to be taken back, never to be published', () => {
    expect(inFlightHint('1.1.0', 'AUDIT_REJECT')).toContain('cancel-review 1.1.0');
    expect(inFlightHint('1.1.0', 'AUDIT_REJECT')).not.toContain('publish');
    expect(inFlightHint('1.1.0', 'AUDITING')).not.toContain('publish');
    expect(inFlightHint('1.1.0', 'WAIT_RELEASE')).toContain('publish');
  });

  it('is what VERSION_IN_FLIGHT says when a rejected 1.1.0 blocks submitting 1.2.0', () => {
    const app = {
      appId: 'qinghe-books',
      visibility: 'online' as const,
      experienceVersion: null,
      versions: [
        { version: '1.1.0', status: 'AUDIT_REJECT' as const, grayBasisPoints: null },
        { version: '1.2.0', status: 'INIT' as const, grayBasisPoints: null },
      ],
    };
    expect(() => transition(app, { type: 'submit', version: '1.2.0', blockers: [] })).toThrow(
      'cannot submit 1.2.0: 1.1.0 is AUDIT_REJECT; it was rejected: take it back to development with cancel-review 1.1.0',
    );
  });
});
