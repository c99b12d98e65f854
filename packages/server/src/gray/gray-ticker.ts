import { randomBytes } from 'node:crypto';
import type { HostEventService } from '../services/host-event-service.js';
import { grayPlanStore } from '../storage/gray-plan-store.js';
import { tickerLeaseStore } from '../storage/ticker-lease-store.js';
import { type Decision, type ReconcileDeps, reconcilePlan } from './reconcile-plan.js';

const LEASE = 'gray-ticker';

export interface GrayTickerOptions {
  /** How often to reconcile the active plans (ms). */
  readonly intervalMs: number;
  /** How long a taken lease lasts without renewal (ms); three intervals, at least 30 s, by default. */
  readonly leaseMs?: number | undefined;
  /** This instance's name in the lease row; random by default. */
  readonly holder?: string | undefined;
  readonly onError?: ((error: unknown) => void) | undefined;
}

export interface TickReport {
  /** Whether this instance held the lease and acted; false: another instance is the ticker. */
  readonly held: boolean;
  readonly decisions: readonly Decision[];
}

/**
 * The gray plans' reconcile loop (DESIGN §10): every interval, the instance holding the lease takes each active
 * plan one step through `reconcilePlan`. The lease is a row with an expiry, so one instance acts at a time
 * across every API process on one database, and when it dies another takes over within a lease; the plans
 * and their progress are rows, so a restart resumes where they stood. It also prunes old event minutes.
 */
export class GrayTicker {
  readonly holder: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly leaseMs: number;

  constructor(
    private readonly deps: ReconcileDeps & { readonly hostEvents: HostEventService },
    private readonly options: GrayTickerOptions,
  ) {
    this.holder = options.holder ?? `api-${randomBytes(6).toString('hex')}`;
    this.leaseMs = options.leaseMs ?? Math.max(3 * options.intervalMs, 30_000);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return; // a slow pass is never overlapped by the next
      this.running = this.tick()
        .catch((e) => this.options.onError?.(e))
        .finally(() => {
          this.running = undefined;
        });
    }, this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops the loop, waits for a pass under way, and gives the lease up so another instance need not wait. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    await tickerLeaseStore.release(this.deps.db, LEASE, this.holder).catch(() => {});
  }

  /** One pass: take or renew the lease, then one step for each active plan, oldest first. */
  async tick(): Promise<TickReport> {
    const nowMs = this.deps.now().getTime();
    const held = await tickerLeaseStore.acquire(this.deps.db, this.deps.dialect, {
      name: LEASE,
      holder: this.holder,
      nowMs,
      ttlMs: this.leaseMs,
    });
    if (!held) return { held, decisions: [] };
    const decisions: Decision[] = [];
    for (const row of await grayPlanStore.active(this.deps.db)) {
      try {
        decisions.push(await reconcilePlan(this.deps, row));
      } catch (e) {
        // One plan's fault (its database row, its health) never stops the others.
        this.options.onError?.(e);
      }
    }
    await this.deps.hostEvents.purgeHourly(nowMs);
    return { held, decisions };
  }
}
