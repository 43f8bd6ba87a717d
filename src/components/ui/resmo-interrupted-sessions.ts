import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import {
  INTERRUPTED_AFTER_MS,
  finishSession,
  getPatient,
  isInterrupted,
  openSessions,
  type Patient,
  type Session,
} from '../../storage/index.js';
import { sessionsBeingRecorded } from '../../platform/recording-lock.js';
import { formatDateTime, formatDuration } from '../../i18n/format.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { canResume } from '../../shared/session-limits.js';
import { sharedStyles } from '../../styles/shared-styles.js';

export type ResumeSessionEvent = CustomEvent<{ session: Session }>;

interface Interrupted {
  session: Session;
  patient: Patient | null;
}

interface Loaded {
  interrupted: Interrupted[];
  /** Some open sessions are still being recorded (or were a moment ago): check again later. */
  recheck: boolean;
}

async function loadInterrupted(): Promise<Loaded> {
  const [open, recording] = await Promise.all([openSessions(), sessionsBeingRecorded()]);
  // Web Locks say for certain which sessions a tab records; without them, staleness has to do.
  const stale = open.filter((s) => (recording ? !recording.has(s.id) : isInterrupted(s)));
  const interrupted = await Promise.all(
    stale.map(async (session) => ({ session, patient: await getPatient(session.patientId).catch(() => null) })),
  );
  return { interrupted, recheck: stale.length < open.length };
}

/**
 * Sessions left open by a closed tab or a crash, offered for resuming or finishing. Renders
 * nothing when there are none. With `resumable`, Resume fires `resmo-resume-session`, which the
 * consultation screen handles by calling `SessionRecorder.resume(session.id)`.
 */
@customElement('resmo-interrupted-sessions')
@localized()
export class ResmoInterruptedSessions extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      /* Links and labels styled as buttons are content-box by default: keep them 44px tall like buttons. */
      .button {
        box-sizing: border-box;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0.5rem 0 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      li span {
        flex: 1 1 14rem;
      }
      :is(button, a):focus-visible {
        outline: 3px solid var(--resmo-focus, #ffbf47);
        outline-offset: 2px;
      }
    `,
  ];

  /** Offer Resume (only where a recorder can take over: the consultation screen). */
  @property({ type: Boolean }) resumable = false;
  @state() private error = '';

  private recheck: ReturnType<typeof setTimeout> | undefined;

  private readonly sessions = new Task(this, {
    task: async () => {
      const loaded = await loadInterrupted();
      clearTimeout(this.recheck);
      // A tab recording now may stop or crash later; without locks a closed tab's session looks
      // interrupted only a few seconds after its last write.
      if (loaded.recheck) this.recheck = setTimeout(() => void this.sessions.run(), INTERRUPTED_AFTER_MS);
      return loaded.interrupted;
    },
    args: () => [],
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.recheck);
  }

  override render() {
    return this.sessions.render({ complete: (list) => (list.length ? this.renderList(list) : nothing) });
  }

  private renderList(list: Interrupted[]) {
    return html`<section class="notice" aria-labelledby="interrupted-title">
      <h2 id="interrupted-title">${msg('Interrupted sessions')}</h2>
      <p>${msg('These recordings stopped unexpectedly. Everything up to the last second was saved.')}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <ul>
        ${list.map((item) => this.renderItem(item))}
      </ul>
    </section>`;
  }

  private renderItem({ session, patient }: Interrupted) {
    const code = patient?.code ?? '—';
    return html`<li data-session-id=${session.id}>
      <span
        >${msg(str`${code}, started ${formatDateTime(session.startedAt)}, ${formatDuration(session.seconds)} recorded`)}</span
      >
      ${
        this.resumable && canResume(session.startedAt)
          ? html`<button class="primary" @click=${() => this.resume(session)}>${msg('Resume')}</button>`
          : nothing
      }
      <button @click=${() => this.finish(session)}>${msg('Finish')}</button>
      <a class="button" href="#/sessions/${encodeURIComponent(session.id)}">${msg('Review')}</a>
    </li>`;
  }

  private resume(session: Session): void {
    this.dispatchEvent(new CustomEvent('resmo-resume-session', { detail: { session }, bubbles: true, composed: true }));
    void this.sessions.run();
  }

  private async finish(session: Session): Promise<void> {
    try {
      await finishSession(session.id);
      this.error = '';
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
    void this.sessions.run();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-resume-session': ResumeSessionEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-interrupted-sessions': ResmoInterruptedSessions;
  }
}
