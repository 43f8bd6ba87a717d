import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { ProgressMessage } from '../../shared/protocol.js';
import type { InferenceStatus } from '../../controllers/worker-client.js';
import type { QualityIssue } from '../../live/face-quality.js';
import { SHOW_PROGRESS_AFTER_MS, downloading, preparedShare, secondsLeft } from '../../live/preparation.js';
import { qualityMessage } from '../../i18n/quality-messages.js';

/**
 * One line in plain words: "Ready", or "Preparing (first time only)…" with a progress bar and
 * the time left, and what is wrong with the picture. The engine and frame rate are in
 * Settings › Advanced.
 */
@customElement('resmo-status-strip')
@localized()
export class ResmoStatusStrip extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 0.75rem;
      align-items: center;
      font-size: 0.95rem;
    }
    .chip {
      border: 1px solid var(--resmo-line);
      border-radius: 999px;
      padding: 0.15rem 0.65rem;
      background: var(--resmo-surface);
    }
    .preparing {
      display: grid;
      gap: 0.25rem;
      flex-basis: 100%;
    }
    progress {
      width: 100%;
      height: 0.75rem;
    }
    ul {
      display: contents;
      list-style: none;
    }
    li {
      border-radius: 999px;
      padding: 0.15rem 0.65rem;
      background: var(--resmo-warn-bg);
      color: var(--resmo-warn-ink);
    }
  `;

  /** The analysis' state; `idle` while the camera is off. */
  @property() status: InferenceStatus = 'idle';
  @property({ attribute: false }) progress: ProgressMessage | null = null;
  @property({ attribute: false }) issues: readonly QualityIssue[] = [];
  /** A fallback note from the inference controller. */
  @property() note = '';
  private since = 0;
  /** The models are still downloading after a moment: a first visit (or the first after an update) on a slow connection. */
  private firstTime = false;
  private ticker: ReturnType<typeof setInterval> | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status') && this.status === 'loading') {
      this.since = performance.now();
      this.firstTime = false;
    }
    if (downloading(this.progress) && performance.now() - this.since > SHOW_PROGRESS_AFTER_MS) this.firstTime = true;
    const loading = this.status === 'loading';
    if (loading && this.ticker === undefined) this.ticker = setInterval(() => this.requestUpdate(), 1000);
    if (!loading) this.stopTicker();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTicker();
  }

  override render() {
    return html`
      ${this.status === 'ready' ? html`<span class="chip ready">${msg('Ready')}</span>` : nothing}
      ${this.status === 'loading' ? this.renderPreparing() : nothing}
      ${this.note ? html`<span class="chip">${this.note}</span>` : nothing}
      <ul aria-label=${msg('Picture quality')}>
        ${this.issues.map((issue) => html`<li>${qualityMessage(issue)}</li>`)}
      </ul>
    `;
  }

  private renderPreparing() {
    if (!this.firstTime) return html`<span class="chip preparing-short">${msg('Preparing…')}</span>`;
    const share = preparedShare(this.progress);
    const left = secondsLeft(share, performance.now() - this.since);
    const label = msg('Preparing (first time only)…');
    return html`<div class="preparing">
      <span id="preparing-label">${label}</span>
      <progress max="1" .value=${share} aria-labelledby="preparing-label"></progress>
      <span>${msg(str`About ${left} s left. Later visits start at once.`)}</span>
    </div>`;
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-status-strip': ResmoStatusStrip;
  }
}
