import PouchDB from 'pouchdb-browser';
import { vaultMeta } from '../storage/index.js';
import { Bridge, OtherKeyError } from './bridge.js';
import { problemOf, type SyncAccount, type SyncStatus } from './status.js';
import { toKeyring } from './wire.js';

const LOCAL_NAME = 'resmo-sync';
/** How often the app's store is compared with the outbox while sync is on. */
const CYCLE_MS = 4_000;

export function remoteOf(account: SyncAccount): PouchDB.Database<object> {
  return new PouchDB(account.url, {
    adapter: 'http',
    auth: { username: account.account, password: account.password },
    skip_setup: true,
  } as PouchDB.Configuration.RemoteDatabaseConfiguration);
}

/**
 * Runs sync while the records are unlocked: PouchDB replicates the outbox both ways with the
 * clinic's server (live, retrying by itself after a network loss), and the bridge moves records
 * between the outbox and the app's store. Fires 'status' whenever `status` changes.
 */
export class SyncEngine extends EventTarget {
  status: SyncStatus = { state: 'connecting', lastSyncedAt: null, waiting: 0, problem: null };
  private readonly local = new PouchDB<object>(LOCAL_NAME);
  private readonly remote: PouchDB.Database<object>;
  private replication: PouchDB.Replication.Sync<object> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> = Promise.resolve();
  private outgoing = 0;
  private bridge: Bridge | null = null;

  constructor(account: SyncAccount, lastSyncedAt: number | null) {
    super();
    this.remote = remoteOf(account);
    this.status = { ...this.status, lastSyncedAt };
  }

  async start(): Promise<void> {
    const meta = await vaultMeta();
    if (!meta) throw new Error('Encryption is not set up.');
    this.bridge = new Bridge(this.local, meta.kid);
    const keyring = await toKeyring(meta);
    await this.local.put(keyring).catch(() => undefined);
    await this.cycle();
    this.replication = this.local.sync(this.remote, { live: true, retry: true, batch_size: 100 });
    this.replication
      .on('change', () => this.schedule())
      .on('active', () => this.update({ state: 'syncing', problem: null }))
      .on('paused', (error) => (error ? this.onProblem(error) : this.onCaughtUp()))
      .on('denied', (error) => this.onProblem(error))
      .on('error', (error) => this.onProblem(error));
    this.timer = setInterval(() => this.schedule(), CYCLE_MS);
  }

  /** Compares and applies now (one pass at a time). */
  schedule(): Promise<void> {
    this.running = this.running.then(() => this.cycle());
    return this.running;
  }

  private async cycle(): Promise<void> {
    if (!this.bridge) return;
    try {
      this.outgoing += await this.bridge.send();
      await this.bridge.receive();
      this.update({ waiting: this.outgoing + (await this.bridge.waitingCount()) });
    } catch (error) {
      this.update({ state: 'problem', problem: error instanceof OtherKeyError ? 'other-key' : 'failed' });
      console.warn('Sync could not apply a record', error);
    }
  }

  private onCaughtUp(): void {
    this.outgoing = 0;
    void this.schedule().then(() =>
      this.update({ state: 'idle', problem: null, lastSyncedAt: Date.now(), waiting: this.status.waiting }),
    );
  }

  private onProblem(error: unknown): void {
    const problem = problemOf(error);
    this.update({ state: problem === 'unreachable' ? 'offline' : 'problem', problem });
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    this.dispatchEvent(new Event('status'));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.replication?.cancel();
    this.replication = null;
    await this.running.catch(() => undefined);
    this.bridge = null;
    await this.local.close();
    await this.remote.close();
  }
}
