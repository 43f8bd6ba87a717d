import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { emotionName } from '../../i18n/emotions.js';
import {
  deleteSession,
  loadPatientPage,
  ranked,
  type PatientPageData,
  type SessionSummary,
} from '../../storage/index.js';
import { formatCalendarDate, formatCount, formatDateTime, formatDuration, formatShare } from '../../i18n/format.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { RecordsWatch } from '../../controllers/records-watch.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { consultationHash } from '../../controllers/router-controller.js';
import { reportStyles } from '../../styles/report-styles.js';
import { stackedTableStyles } from '../../styles/list-styles.js';
import type { ResmoPatientDialog } from './resmo-patient-dialog.js';
import type { ResmoConfirmDialog } from '../ui/resmo-confirm-dialog.js';
import './resmo-patient-dialog.js';
import '../ui/resmo-confirm-dialog.js';
import './resmo-session-trend.js';
import './resmo-consent-panel.js';
import '../ui/resmo-export-buttons.js';
import { withDeletionReach } from '../../i18n/deletion-reach.js';

/** A patient's record: details, sessions, and how each emotion's share changed across them. */
@customElement('resmo-patient-page')
@localized()
export class ResmoPatientPage extends LitElement {
  static override styles = [
    sharedStyles,
    reportStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.4rem 0.5rem;
        border-bottom: 1px solid var(--resmo-line);
      }
      .notes {
        white-space: pre-wrap;
      }
    `,
    stackedTableStyles,
  ];

  @property({ attribute: 'patient-id' }) patientId = '';
  @state() private error = '';
  @query('resmo-patient-dialog') private patientDialog!: ResmoPatientDialog;
  @query('resmo-confirm-dialog') private confirmDialog!: ResmoConfirmDialog;

  private readonly data = new Task(this, {
    task: ([id]) => loadPatientPage(id),
    args: () => [this.patientId] as const,
  });

  constructor() {
    super();
    new RecordsWatch(this, () => void this.data.run());
  }

  override render() {
    return html`${this.data.render({
        // A reload after sync keeps what is on screen until the new data is in.
        pending: () => (this.data.value ? this.renderPage(this.data.value) : html`<p>${msg('Loading patient…')}</p>`),
        error: (e) => html`<p class="error" role="alert">${storageErrorMessage(e)}</p>`,
        complete: (d) => this.renderPage(d),
      })}
      <resmo-patient-dialog @resmo-patient-saved=${() => this.data.run()}></resmo-patient-dialog>
      <resmo-confirm-dialog></resmo-confirm-dialog>`;
  }

  private renderPage({ patient, sessions }: PatientPageData) {
    const oldestFirst = [...sessions].reverse().map((s) => ({
      startedAt: s.session.startedAt,
      raw: s.raw,
      adjusted: s.adjusted,
      baselineAt: s.baselineAt,
    }));
    return html`
      <nav class="screen-only" aria-label=${msg('Breadcrumb')}><a href="#/patients">${msg('All patients')}</a></nav>
      <header>
        <h1>${patient.code}</h1>
        <dl class="facts">
          ${
            patient.name
              ? html`<dt>${msg('Name')}</dt>
                  <dd>${patient.name}</dd>`
              : nothing
          }
          ${
            patient.birthDate
              ? html`<dt>${msg('Date of birth')}</dt>
                  <dd>${formatCalendarDate(patient.birthDate)}</dd>`
              : nothing
          }
          ${
            patient.ehrIdentifier
              ? html`<dt>${msg('Health record number')}</dt>
                  <dd>${patient.ehrIdentifier.value}</dd>`
              : nothing
          }
          <dt>${msg('Sessions')}</dt>
          <dd>${formatCount(sessions.length)}</dd>
        </dl>
        ${patient.notes ? html`<p class="notes">${patient.notes}</p>` : nothing}
        <resmo-consent-panel
          .patient=${patient}
          .sessionIds=${sessions.map((s) => s.session.id)}
          @resmo-consent-changed=${() => this.data.run()}
        ></resmo-consent-panel>
      </header>
      <div class="actions screen-only">
        <button @click=${() => this.patientDialog.open(patient)}>${msg('Edit patient')}</button>
        <a class="button primary" href=${consultationHash(patient.id, true)}>${msg('Start consultation')}</a>
        <resmo-export-buttons patient-id=${patient.id}></resmo-export-buttons>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        sessions.length
          ? html`<section aria-labelledby="trend-title">
                <h2 id="trend-title">${msg('Trend across sessions')}</h2>
                <resmo-session-trend .sessions=${oldestFirst}></resmo-session-trend>
              </section>
              <section aria-labelledby="sessions-title">
                <h2 id="sessions-title">${msg('Sessions')}</h2>
                ${this.renderSessions(sessions)}
              </section>`
          : html`<p>${msg('No sessions yet. Start one with “Start consultation”.')}</p>`
      }
    `;
  }

  private renderSessions(sessions: readonly SessionSummary[]) {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${msg('Date')}</th>
          <th scope="col">${msg('Length')}</th>
          <th scope="col">${msg('Most frequent emotion')}</th>
          <th scope="col">${msg('Usable face')}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${sessions.map((s) => this.renderSession(s))}
      </tbody>
    </table>`;
  }

  private renderSession({ session, distribution, usableShare }: SessionSummary) {
    const top = ranked(distribution)[0];
    const when = formatDateTime(session.startedAt);
    return html`<tr data-session-id=${session.id}>
      <td><a href="#/sessions/${encodeURIComponent(session.id)}">${when}</a></td>
      <td data-label=${msg('Length')}>
        ${formatDuration(session.seconds)}${session.endedAt === null ? html` (${msg('not finished')})` : nothing}
      </td>
      <td data-label=${msg('Most frequent emotion')}>
        ${top ? msg(str`${emotionName(top.label)} (${formatShare(top.share)})`) : '—'}
      </td>
      <td data-label=${msg('Usable face')}>${formatShare(usableShare)}</td>
      <td class="screen-only">
        <button
          class="danger"
          aria-label=${msg(str`Delete the session of ${when}`)}
          @click=${() => this.confirmDeleteSession(when, session.id)}
        >
          ${msg('Delete')}
        </button>
      </td>
    </tr>`;
  }

  private async confirmDeleteSession(when: string, sessionId: string): Promise<void> {
    const confirmed = await this.confirmDialog.ask({
      title: msg(str`Delete the session of ${when}?`),
      message: withDeletionReach(
        msg('Its timeline, markers and notes are deleted from this device. It cannot be undone.'),
      ),
      confirmLabel: msg('Delete session'),
    });
    if (!confirmed) return;
    try {
      await deleteSession(sessionId);
      this.error = '';
    } catch (error) {
      this.error = storageErrorMessage(error);
    }
    void this.data.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-patient-page': ResmoPatientPage;
  }
}
