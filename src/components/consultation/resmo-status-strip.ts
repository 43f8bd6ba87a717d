import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { BackendName } from '../../shared/protocol.js';
import type { QualityIssue } from '../../live/face-quality.js';
import { qualityMessage } from '../../i18n/quality-messages.js';
import { backendName } from '../../i18n/inference-messages.js';

/** Where inference runs, how fast, and what is wrong with the picture, in plain words. */
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
      font-variant-numeric: tabular-nums;
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

  @property() backend: BackendName | null = null;
  @property({ type: Number }) fps = 0;
  @property({ attribute: false }) issues: readonly QualityIssue[] = [];
  /** A fallback or loading note from the inference controller. */
  @property() note = '';

  override render() {
    const fps = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 1 }).format(
      this.fps,
    );
    return html`
      <span class="chip"
        >${this.backend ? msg(str`Runs on ${backendName(this.backend)}`) : msg('Model not loaded')}</span
      >
      <span class="chip">${msg(str`${fps} frames/s`)}</span>
      ${this.note ? html`<span class="chip">${this.note}</span>` : nothing}
      <ul aria-label=${msg('Picture quality')}>
        ${this.issues.map((issue) => html`<li>${qualityMessage(issue)}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-status-strip': ResmoStatusStrip;
  }
}
