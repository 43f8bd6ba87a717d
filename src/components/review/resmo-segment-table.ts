import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { emotionName } from '../../i18n/emotions.js';
import { ranked, type Segment } from '../../storage/index.js';
import { formatClock, formatShare } from '../../i18n/format.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** How many of a segment's emotions to name: the leading two say enough at a glance. */
const SHOWN_PER_SEGMENT = 2;

/** The dominant emotions between one marker and the next. */
@customElement('resmo-segment-table')
@localized()
export class ResmoSegmentTable extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: start;
        padding: 0.35rem 0.5rem;
        border-bottom: 1px solid var(--resmo-line);
        vertical-align: top;
      }
      td.time {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
      /* A phone: the times wrap at the dash rather than push the page sideways. */
      @media (max-width: 30rem) {
        th,
        td {
          padding-inline: 0 0.35rem;
        }
        td.time {
          white-space: normal;
        }
      }
    `,
  ];

  @property({ attribute: false }) segments: readonly Segment[] = [];

  override render() {
    return html`<table>
      <thead>
        <tr>
          <th scope="col">${msg('From – to')}</th>
          <th scope="col">${msg('Starts at marker')}</th>
          <th scope="col">${msg('Dominant emotions')}</th>
        </tr>
      </thead>
      <tbody>
        ${this.segments.map((s) => this.renderRow(s))}
      </tbody>
    </table>`;
  }

  private renderRow(s: Segment) {
    const top = ranked(s.distribution).slice(0, SHOWN_PER_SEGMENT);
    const marker = s.marker ? s.marker.label || msg('Unlabelled marker') : msg('Start of session');
    const dominant = top.length
      ? top.map((e) => `${emotionName(e.label)} ${formatShare(e.share)}`).join(', ')
      : msg('No usable face');
    return html`<tr>
      <td class="time">${formatClock(s.from)} – ${formatClock(s.to)}</td>
      <td>${marker}</td>
      <td>${dominant}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-segment-table': ResmoSegmentTable;
  }
}
