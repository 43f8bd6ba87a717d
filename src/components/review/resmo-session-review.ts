import './resmo-report-note.js';
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { loadSessionReview, type Marker, type SessionReviewData } from '../../storage/index.js';
import { formatClock, formatDateTime, formatDuration, formatShare } from '../../i18n/format.js';
import { storageErrorMessage } from '../../i18n/storage-messages.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { reportStyles } from '../../styles/report-styles.js';
import './resmo-session-readings.js';
import { chartMarkers, sessionBaseline, type SessionBaseline } from '../../storage/index.js';
import type { ChartMarker, Reading } from '../../analysis/index.js';
import './resmo-emotion-distribution.js';
import './resmo-segment-table.js';
import './resmo-session-notes.js';
import '../ui/resmo-export-buttons.js';

/** A patient code such as P-7K3F9Q kept on one line: its hyphen becomes a non-breaking one. */
const unbroken = (code: string): string => code.replace(/-/g, '\u2011');

/** The review's data with what the charts read from it, computed once per load, not per render. */
type ReviewWithReadings = SessionReviewData & {
  readings: Reading[];
  chartMarkers: ChartMarker[];
  baseline: SessionBaseline | null;
};

function withReadings(d: SessionReviewData): ReviewWithReadings {
  return {
    ...d,
    readings: d.points.map((pt) => pt.p),
    chartMarkers: chartMarkers(d.markers),
    baseline: sessionBaseline(d.patient, d.session),
  };
}

/** One session: timeline with markers, distribution, segments, face coverage, notes; printable. */
@customElement('resmo-session-review')
@localized()
export class ResmoSessionReview extends LitElement {
  static override styles = [sharedStyles, reportStyles];

  @property({ attribute: 'session-id' }) sessionId = '';

  private readonly data = new Task(this, {
    task: ([id]) => loadSessionReview(id).then(withReadings),
    args: () => [this.sessionId] as const,
  });

  override render() {
    return this.data.render({
      pending: () => html`<p>${msg('Loading session…')}</p>`,
      error: (e) => html`<p class="error" role="alert">${storageErrorMessage(e)}</p>`,
      complete: (d) => this.renderReview(d),
    });
  }

  private renderReview(d: ReviewWithReadings) {
    const { session, patient } = d;
    return html`
      <nav class="screen-only" aria-label=${msg('Breadcrumb')}>
        <a href="#/patients/${encodeURIComponent(patient.id)}">${msg(str`Back to ${patient.code}`)}</a>
      </nav>
      <header>
        <h1>${msg(str`Session report: ${unbroken(patient.code)}`)}</h1>
        <dl class="facts">
          <dt>${msg('Date')}</dt>
          <dd>${formatDateTime(session.startedAt)}</dd>
          <dt>${msg('Length')}</dt>
          <dd>${formatDuration(session.seconds)}</dd>
          <dt>${msg('Usable face')}</dt>
          <dd>${msg(str`${formatShare(d.usableShare)} of the session`)}</dd>
          ${
            session.endedAt === null
              ? html`<dt>${msg('Status')}</dt>
                  <dd>${msg('Not finished')}</dd>`
              : nothing
          }
        </dl>
        <resmo-report-note .consent=${patient.consent}></resmo-report-note>
      </header>
      <div class="actions screen-only">
        <button class="primary" @click=${() => window.print()}>${msg('Print report')}</button>
        <resmo-export-buttons session-id=${session.id}></resmo-export-buttons>
      </div>
      <resmo-session-readings
        .readings=${d.readings}
        .markers=${d.chartMarkers}
        .baseline=${d.baseline}
        startedAt=${session.startedAt}
      ></resmo-session-readings>
      <div class="columns">
        <section aria-labelledby="distribution-title">
          <h2 id="distribution-title">${msg('Share of time per emotion')}</h2>
          <resmo-emotion-distribution .distribution=${d.distribution}></resmo-emotion-distribution>
        </section>
        <section aria-labelledby="markers-title">
          <h2 id="markers-title">${msg('Markers')}</h2>
          ${this.renderMarkers(d.markers)}
        </section>
      </div>
      <section aria-labelledby="segments-title">
        <h2 id="segments-title">${msg('Between markers')}</h2>
        <resmo-segment-table .segments=${d.segments}></resmo-segment-table>
      </section>
      <section>
        <resmo-session-notes session-id=${session.id} .notes=${session.notes}></resmo-session-notes>
      </section>
    `;
  }

  private renderMarkers(markers: readonly Marker[]) {
    if (!markers.length) return html`<p>${msg('No markers in this session.')}</p>`;
    return html`<ol class="markers">
      ${markers.map((m) => html`<li><span class="time">${formatClock(m.t / 1000)}</span> ${m.label || msg('Unlabelled marker')}</li>`)}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-session-review': ResmoSessionReview;
  }
}
