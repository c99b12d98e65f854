import type { App } from '@minirelease/sdk';

/** An app answer as the API gives it, 1.3.0 live and 1.4.0 at 10 % gray, with what a test changes on top. */
export function anApp(overrides: Partial<App> = {}): App {
  return {
    appId: 'qinghe-books',
    name: '青禾读书',
    brand: '青禾',
    category: '图书',
    description: '',
    visibility: 'online',
    revision: 7,
    experienceVersion: null,
    liveVersion: '1.3.0',
    grayVersion: '1.4.0',
    grayPercentage: 10,
    inFlight: { version: '1.4.0', status: 'GRAY' },
    grayPlan: null,
    experiencers: [],
    qualifications: [],
    members: [],
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-03T08:00:00.000Z',
    ...overrides,
  };
}
