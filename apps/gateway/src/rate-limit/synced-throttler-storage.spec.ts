import { Test } from '@nestjs/testing';
import { ThrottlerModule } from '@nestjs/throttler';
import { CounterHits, SharedCounter, SyncedThrottlerStorage } from './synced-throttler-storage';

const MINUTE = 60_000;

/** Shared counters as Redis keeps them, for every instance of a test; records each sync. */
function sharedCounters() {
  const totals = new Map<string, number>();
  const syncs: CounterHits[][] = [];
  let down = false;
  return {
    syncs,
    totals,
    setDown: (d: boolean) => (down = d),
    sync: (batch: CounterHits[]): Promise<SharedCounter[]> => {
      if (down) return Promise.reject(new Error('connect ECONNREFUSED'));
      syncs.push(batch);
      return Promise.resolve(
        batch.map((c) => {
          const totalHits = (totals.get(c.key) ?? 0) + c.hits;
          totals.set(c.key, totalHits);
          return {
            totalHits,
            windowLeftMs: 30_000,
            blockLeftMs: totalHits > c.limit ? c.blockMs : 0,
          };
        }),
      );
    },
  };
}

describe('SyncedThrottlerStorage (rate limits counted locally, shared every second)', () => {
  let clock = 1_000_000;
  const now = () => clock;
  const stores: SyncedThrottlerStorage[] = [];
  const storeOf = (shared: ReturnType<typeof sharedCounters>) => {
    const store = new SyncedThrottlerStorage(shared.sync, now, 3_600_000);
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  it('answers every request without a round trip, and blocks the first hit past the limit', async () => {
    const shared = sharedCounters();
    const store = storeOf(shared);
    const answers = [];
    for (let i = 0; i < 4; i++)
      answers.push(await store.increment('a', MINUTE, 3, MINUTE, 'default'));
    expect(answers.map((a) => a.isBlocked)).toEqual([false, false, false, true]);
    expect(answers[3]).toMatchObject({ totalHits: 4, timeToExpire: 60, timeToBlockExpire: 60 });
    expect(shared.syncs).toHaveLength(0);
  });

  it('adds its hits to the shared counter in one batch per sync, and learns the other instances’ hits', async () => {
    const shared = sharedCounters();
    const here = storeOf(shared);
    const there = storeOf(shared);
    await here.increment('a', MINUTE, 5, MINUTE, 'default');
    await here.increment('b', MINUTE, 5, MINUTE, 'default');
    await there.increment('a', MINUTE, 5, MINUTE, 'default');
    await there.increment('a', MINUTE, 5, MINUTE, 'default');
    await there.flush();
    await here.flush();
    expect(shared.syncs[1]).toEqual([
      { key: 'a:default', hits: 1, ttlMs: MINUTE, limit: 5, blockMs: MINUTE },
      { key: 'b:default', hits: 1, ttlMs: MINUTE, limit: 5, blockMs: MINUTE },
    ]);
    // 3 hits everywhere so far: the next two here reach the limit of 5, the third is blocked.
    expect((await here.increment('a', MINUTE, 5, MINUTE, 'default')).totalHits).toBe(4);
    expect((await here.increment('a', MINUTE, 5, MINUTE, 'default')).isBlocked).toBe(false);
    expect((await here.increment('a', MINUTE, 5, MINUTE, 'default')).isBlocked).toBe(true);
  });

  it('takes a block set by another instance at the next sync', async () => {
    const shared = sharedCounters();
    const here = storeOf(shared);
    const there = storeOf(shared);
    for (let i = 0; i < 4; i++) await there.increment('a', MINUTE, 3, MINUTE, 'default');
    await there.flush();
    await here.increment('a', MINUTE, 3, MINUTE, 'default');
    await here.flush();
    expect((await here.increment('a', MINUTE, 3, MINUTE, 'default')).isBlocked).toBe(true);
  });

  it('keeps enforcing its own hits while Redis is down, and sends them once it is back', async () => {
    const shared = sharedCounters();
    const store = storeOf(shared);
    shared.setDown(true);
    for (let i = 0; i < 3; i++) await store.increment('a', MINUTE, 3, MINUTE, 'default');
    await store.flush();
    expect((await store.increment('a', MINUTE, 3, MINUTE, 'default')).isBlocked).toBe(true);
    shared.setDown(false);
    await store.flush();
    expect(shared.totals.get('a:default')).toBe(4);
  });

  it('starts a new window once the old one and its block are over', async () => {
    const shared = sharedCounters();
    const store = storeOf(shared);
    for (let i = 0; i < 4; i++) await store.increment('a', MINUTE, 3, MINUTE, 'default');
    clock += MINUTE + 1;
    const fresh = await store.increment('a', MINUTE, 3, MINUTE, 'default');
    expect(fresh).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });
});

describe('SyncedThrottlerStorage in a Nest application', () => {
  it('shares its last hits and stops syncing when the application closes, before Redis is closed', async () => {
    const shared = sharedCounters();
    const storage = new SyncedThrottlerStorage(shared.sync, Date.now, 3_600_000);
    const moduleRef = await Test.createTestingModule({
      imports: [ThrottlerModule.forRoot({ throttlers: [{ ttl: MINUTE, limit: 10 }], storage })],
    }).compile();
    const app = await moduleRef.init();
    await storage.increment('last', MINUTE, 10, MINUTE, 'default');

    await app.close();

    expect(shared.totals.get('last:default')).toBe(1);
    shared.setDown(true); // a sync after close would now fail and warn
    await storage.increment('late', MINUTE, 10, MINUTE, 'default');
    await expect(storage.flush()).resolves.toBeUndefined();
    expect(shared.syncs).toHaveLength(1);
  });
});
