import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { recordingActivity } from '../../platform/activity.js';

/**
 * The header's "recording" pill, like a call in progress: shown while a recording runs, on every
 * screen, and a link back to the consultation that is recording.
 */
@customElement('resmo-recording-indicator')
@localized()
export class ResmoRecordingIndicator extends LitElement {
  static override styles = css`
    a {
      display: inline-flex;
      align-items: center;
      gap: 0.45rem;
      min-height: 44px;
      box-sizing: border-box;
      padding: 0 0.9rem;
      border-radius: 999px;
      background: #fff;
      color: #9b1c1c;
      font-weight: 700;
      text-decoration: none;
    }
    a:focus-visible {
      outline: 3px solid #ffd166;
      outline-offset: 2px;
    }
    .dot {
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: #c81e1e;
    }
    @media (prefers-reduced-motion: no-preference) {
      .dot {
        animation: pulse 1.6s ease-in-out infinite;
      }
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
  `;

  /** The hash of the consultation that records (with its patient). */
  @property() href = '#/consultation';
  /** True on the consultation screen itself, where the link says so. */
  @property({ type: Boolean }) here = false;
  @state() private active = recordingActivity.active;

  override connectedCallback(): void {
    super.connectedCallback();
    recordingActivity.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    recordingActivity.removeEventListener('change', this.onChange);
  }

  override render() {
    if (!this.active) return nothing;
    return html`<a href=${this.href} aria-current=${this.here ? 'page' : 'false'}
      ><span class="dot" aria-hidden="true"></span
      >${this.here ? msg('Recording') : msg('Recording: back to the consultation')}</a
    >`;
  }

  private readonly onChange = (): void => {
    this.active = recordingActivity.active;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-recording-indicator': ResmoRecordingIndicator;
  }
}
