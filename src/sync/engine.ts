import PouchDB from 'pouchdb-browser';
import { holdsKey, vaultMeta } from '../storage/index.js';
import { Bridge, OtherKeyError } from './bridge.js';
import { problemOf, type SyncAccount, type SyncProblem, type SyncStatus } from './status.js';
import { keepKeysLevel, readRing } from './clinicians.js';
import { toKeyring } from './wire.js';
import { answerBlobCheck } from './blob-check.js';

const LOCAL_NAME = 'resmo-sync';
/** How often the app's store is compared with the outbox while sync is on. */
const CYCLE_MS = 4_000;
const MAX_BACK_OFF_MS = 15_000;

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
 * between the outbox and the app's store. Fires 'status' whenever `status` changes, and 'records'
 * when records from another device were written into the app's store.
 */
export class SyncEngine extends EventTarget {
  status: SyncStatus = { state: 'connecting', lastSyncedAt: null, waiting: 0, problem: null, notesJoined: 0 };
  private readonly local: PouchDB.Database<object>;
  private readonly remote: PouchDB.Database<object>;
  private replications: PouchDB.Replication.Replication<object>[] = [];
  private readonly caughtUp = { push: false, pull: false };
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> = Promise.resolve();
  private outgoing = 0;
  private bridge: Bridge | null = null;
  /** Why the last pass could not apply a record, or null: a caught-up replication does not clear it. */
  private recordProblem: SyncProblem | null = null;

  constructor(account: SyncAccount, lastSyncedAt: number | null) {
    super();
    answerBlobCheck();
    this.local = new PouchDB<object>(LOCAL_NAME);
    this.remote = remoteOf(account);
    this.status = { ...this.status, lastSyncedAt };
  }

  async start(): Promise<void> {
    const meta = await vaultMeta();
    if (!meta) throw new Error('Encryption is not set up.');
    this.bridge = new Bridge(this.local, holdsKey);
    // A clinician's keyring is put when it is made (a removed one must not come back from here).
    if (meta.v === 1) await this.local.put(await toKeyring(meta)).catch(() => undefined);
    await this.schedule();
    const options: PouchDB.Replication.ReplicateOptions = {
      live: true,
      retry: true,
      batch_size: 100,
      // PouchDB's default waits up to 10 minutes between tries; a clinic expects sync back sooner.
      back_off_function: (delay: number) => (delay === 0 ? 1_000 : Math.min(delay * 2, MAX_BACK_OFF_MS)),
    };
    // Two one-way replications rather than sync(): its combined 'paused' drops the failure's reason.
    this.replications = [
      this.watch('push', this.local.replicate.to(this.remote, options)),
      this.watch('pull', this.local.replicate.from(this.remote, options)),
    ];
    this.timer = setInterval(() => this.schedule(), CYCLE_MS);
  }

  private watch(
    direction: 'push' | 'pull',
    replication: PouchDB.Replication.Replication<object>,
  ): PouchDB.Replication.Replication<object> {
    replication
      .on('change', () => void (direction === 'pull' && this.schedule()))
      .on('active', () => {
        this.caughtUp[direction] = false;
        this.update({ state: 'syncing', problem: this.recordProblem });
      })
      .on('paused', (error) => {
        this.caughtUp[direction] = !error;
        if (error) this.onProblem(error);
        else if (this.caughtUp.push && this.caughtUp.pull) this.onCaughtUp();
      })
      .on('denied', (error) => this.onProblem(error))
      .on('error', (error) => this.onProblem(error));
    return replication;
  }

  /** Compares and applies now (one pass at a time). */
  schedule(): Promise<void> {
    this.running = this.running.then(() => this.cycle());
    return this.running;
  }

  /** The clinician's "Sync now": a pass here, and a question to the server that shows a lost account at once. */
  async syncNow(): Promise<void> {
    await this.schedule();
    try {
      await this.remote.allDocs({ limit: 1 });
    } catch (error) {
      this.onProblem(error);
    }
  }

  private async cycle(): Promise<void> {
    if (!this.bridge) return;
    try {
      await keepKeysLevel(this.local);
      this.outgoing += await this.bridge.send();
      if (await this.bridge.receive()) this.dispatchEvent(new Event('records'));
      const waiting = this.outgoing + (await this.bridge.waitingCount());
      if (this.recordProblem !== null) {
        // Applied again (a key came in): the problem shown until now is over.
        this.recordProblem = null;
        this.update({ state: this.caughtUp.push && this.caughtUp.pull ? 'idle' : 'syncing', problem: null });
      }
      this.update({ waiting, notesJoined: this.bridge.notesJoined });
    } catch (error) {
      this.recordProblem = await this.problemWith(error);
      this.update({ state: 'problem', problem: this.recordProblem });
      console.warn('Sync could not apply a record', error);
    }
  }

  private async problemWith(error: unknown): Promise<SyncProblem> {
    if (!(error instanceof OtherKeyError)) return 'failed';
    const shared = (await vaultMeta())?.v === 1;
    return shared && (await readRing(this.local)).clinicians.length > 0 ? 'own-keys-needed' : 'other-key';
  }

  private onCaughtUp(): void {
    this.outgoing = 0;
    void this.schedule().then(() => {
      // Caught up with the server, but not in sync while a record cannot be applied here.
      if (this.recordProblem === null)
        this.update({ state: 'idle', problem: null, lastSyncedAt: Date.now(), waiting: this.status.waiting });
    });
  }

  private onProblem(error: unknown): void {
    const problem = problemOf(error);
    this.update({ state: problem === 'unreachable' ? 'offline' : 'problem', problem });
  }

  private update(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    this.dispatchEvent(new Event('status'));
  }

  /** The local outbox, for reading and writing the clinic's keyrings. */
  get outbox(): PouchDB.Database<object> {
    return this.local;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const replication of this.replications) replication.cancel();
    this.replications = [];
    await this.running.catch(() => undefined);
    this.bridge = null;
    await this.local.close();
    await this.remote.close();
  }
}
