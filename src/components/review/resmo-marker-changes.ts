import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { EMOTION_LABELS } from '../../shared/emotions.js';
import { formatElapsed, type MarkerComparison } from '../../analysis/index.js';
import { emotionName } from '../../i18n/emotions.js';
import { getLocale } from '../../i18n/localization.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { formatAffect, formatPercent, formatPoints } from '../../i18n/reading-format.js';
import { usableText, windowText } from '../../i18n/marker-change-text.js';

export type WindowChangeEvent = CustomEvent<{ seconds: number }>;

export interface MarkerChangeRow {
  comparison: MarkerComparison;
  n: number;
  label: string;
}

interface Line {
  name: string;
  before: number | null;
  after: number | null;
  change: number | null;
  format: (v: number) => string;
  delta: (v: number) => string;
}

/**
 * For each marker: each emotion (and valence, arousal) in a window before and after it, the
 * change, the markers after which the face changed most, and windows cut short by the session's
 * start or end or by another marker.
 */
@customElement('resmo-marker-changes')
@localized()
export class ResmoMarkerChanges extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .marker {
        break-inside: avoid;
        margin-bottom: 1rem;
      }
      h3 {
        font-size: 1rem;
      }
      .flag {
        display: inline-block;
        font-size: 0.85rem;
        font-weight: 600;
        padding: 0.1rem 0.4rem;
        border: 2px solid #17242b;
        border-radius: 3px;
        margin-inline-start: 0.5rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
        max-width: 36rem;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        text-align: end;
        padding: 0.2rem 0.4rem;
        border-bottom: 1px solid var(--resmo-line);
      }
      /* Four columns must fit a 320 px phone (288 px of content) in Spanish too. */
      @media (max-width: 26rem) {
        table {
          font-size: 0.85rem;
        }
        th,
        td {
          padding: 0.2rem 0.2rem;
        }
      }
      th[scope='row'] {
        text-align: start;
        font-weight: normal;
      }
      tr.top th,
      tr.top td {
        font-weight: 700;
      }
      .windows {
        font-size: 0.9rem;
        color: var(--resmo-muted);
        margin: 0 0 0.25rem;
      }
      label {
        display: inline-flex;
        gap: 0.5rem;
        align-items: center;
        min-height: 44px;
      }
      input {
        font: inherit;
        width: 5rem;
        min-height: 44px;
      }
      .print-only {
        display: none;
      }
      @media print {
        .print-only {
          display: block;
        }
        .screen-only {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) rows: readonly MarkerChangeRow[] = [];
  @property({ type: Number }) windowSeconds = 30;
  @property({ type: Boolean }) adjusted = false;

  override render() {
    return html`<label class="screen-only"
        >${msg('Window before and after each marker (seconds)')}
        <input type="number" min="5" max="600" step="5" .value=${String(this.windowSeconds)} @change=${this.onWindow}
      /></label>
      <p class="print-only">
        ${msg(str`Window: ${formatElapsed(this.windowSeconds, getLocale())} before and after each marker.`)}
      </p>
      ${this.rows.length ? this.rows.map((r) => this.renderMarker(r)) : html`<p>${msg('No markers in this session.')}</p>`}`;
  }

  private onWindow(event: Event): void {
    const value = Math.round(Number((event.target as HTMLInputElement).value));
    if (!Number.isFinite(value) || value < 5 || value > 600) return;
    this.dispatchEvent(
      new CustomEvent('resmo-window-change', { detail: { seconds: value }, bubbles: true, composed: true }),
    );
  }

  private renderMarker({ comparison: c, n, label }: MarkerChangeRow) {
    const lines = this.lines(c);
    const top = Math.max(...lines.slice(0, EMOTION_LABELS.length).map((l) => Math.abs(l.change ?? 0)));
    return html`<section class="marker" aria-labelledby="marker-${n}">
      <h3 id="marker-${n}">
        ${n}. ${formatElapsed(c.at, getLocale())} ${label || msg('Unlabelled marker')}
        ${c.flagged ? html`<span class="flag">▲ ${msg('Among the largest changes')}</span>` : nothing}
      </h3>
      <p class="windows">
        ${msg('Before')}: ${windowText(c.before)}; ${usableText(c.before)}.<br />
        ${msg('After')}: ${windowText(c.after)}; ${usableText(c.after)}.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col"><span class="visually-hidden">${msg('Reading')}</span></th>
            <th scope="col">${msg('Before')}</th>
            <th scope="col">${msg('After')}</th>
            <th scope="col">${msg('Change')}</th>
          </tr>
        </thead>
        <tbody>
          ${lines.map((l, i) => this.renderLine(l, i < EMOTION_LABELS.length && top > 0 && Math.abs(l.change ?? 0) === top))}
        </tbody>
      </table>
    </section>`;
  }

  private renderLine(l: Line, top: boolean) {
    const value = (v: number | null, f: (v: number) => string) => (v === null ? '—' : f(v));
    return html`<tr class=${top ? 'top' : ''}>
      <th scope="row">${l.name}</th>
      <td>${value(l.before, l.format)}</td>
      <td>${value(l.after, l.format)}</td>
      <td>${l.change === null ? '—' : `${arrow(l.change)} ${l.delta(l.change)}`}</td>
    </tr>`;
  }

  private lines(c: MarkerComparison): Line[] {
    const level = this.adjusted ? formatPoints : formatPercent;
    const emotions = EMOTION_LABELS.map((label, k) => ({
      name: emotionName(label),
      before: c.before.mean?.[k] ?? null,
      after: c.after.mean?.[k] ?? null,
      change: c.change?.[k] ?? null,
      format: level,
      delta: formatPoints,
    }));
    const affect = (name: string, key: 'valence' | 'arousal') => ({
      name,
      before: c.before.affect?.[key] ?? null,
      after: c.after.affect?.[key] ?? null,
      change: c.affectChange?.[key] ?? null,
      format: formatAffect,
      delta: formatAffect,
    });
    return [...emotions, affect(msg('Valence'), 'valence'), affect(msg('Arousal'), 'arousal')];
  }
}

/** Direction as a shape as well as a sign, so it survives greyscale print. */
function arrow(change: number): string {
  if (Math.abs(change) < 0.005) return '';
  return change > 0 ? '▲' : '▼';
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-marker-changes': ResmoMarkerChanges;
  }
  interface GlobalEventHandlersEventMap {
    'resmo-window-change': WindowChangeEvent;
  }
}
