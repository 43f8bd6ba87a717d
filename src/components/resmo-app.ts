import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { RouterController, topViewOf, type Route, type TopView } from '../controllers/router-controller.js';
import { recordingActivity } from '../platform/activity.js';
import type { UpdateHandle } from '../pwa.js';
import './consultation/resmo-consultation-view.js';
import './patients/resmo-patients-view.js';
import './patients/resmo-patient-page.js';
import './review/resmo-session-review.js';
import './settings/resmo-settings-view.js';
import './ui/resmo-update-toast.js';

/** The shell: header, navigation between the three views, and the update prompt. */
@customElement('resmo-app')
// Legacy decorators apply bottom-up: @localized() must run before the define, which upgrades the
// <resmo-app> already in index.html; in the other order it would never hear a language change.
@localized()
export class ResmoApp extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-rows: auto 1fr;
      min-height: 100vh;
      min-height: 100dvh;
    }
    header {
      display: flex;
      align-items: center;
      gap: 1rem;
      flex-wrap: wrap;
      padding: 0.5rem 1rem;
      padding-top: max(0.5rem, env(safe-area-inset-top));
      background: var(--resmo-brand);
      color: var(--resmo-brand-ink);
    }
    .brand {
      font-weight: 700;
      font-size: 1.2rem;
      letter-spacing: 0.02em;
      margin-right: auto;
    }
    nav ul {
      display: flex;
      gap: 0.25rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      padding: 0 0.9rem;
      border-radius: 999px;
      color: inherit;
      text-decoration: none;
    }
    nav a[aria-current='page'] {
      background: var(--resmo-brand-ink);
      color: var(--resmo-brand);
      font-weight: 600;
    }
    nav a:focus-visible {
      outline: 3px solid #ffd166;
      outline-offset: 2px;
    }
    main {
      box-sizing: border-box;
      padding: 1rem;
      max-width: 90rem;
      width: 100%;
      margin: 0 auto;
    }
    @media print {
      header,
      resmo-update-toast {
        display: none;
      }
    }
  `;

  private readonly router = new RouterController(this);
  @state() private pendingUpdate: UpdateHandle | null = null;
  @state() private recording = recordingActivity.active;

  override connectedCallback(): void {
    super.connectedCallback();
    recordingActivity.addEventListener('change', this.onRecordingChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    recordingActivity.removeEventListener('change', this.onRecordingChange);
  }

  /** Called by main.ts when a new service worker is waiting. */
  offerUpdate(update: UpdateHandle): void {
    this.pendingUpdate = update;
  }

  override render() {
    const current = topViewOf(this.router.route);
    return html`
      <header>
        <span class="brand">Resmo</span>
        <nav aria-label=${msg('Main')}>
          <ul>
            ${this.navLink('consultation', msg('Consultation'), current)}
            ${this.navLink('patients', msg('Patients'), current)} ${this.navLink('settings', msg('Settings'), current)}
          </ul>
        </nav>
      </header>
      <main id="main">${this.renderView(this.router.route)}</main>
      ${
        this.pendingUpdate
          ? html`<resmo-update-toast
              .recording=${this.recording}
              @resmo-update-accept=${this.acceptUpdate}
              @resmo-update-dismiss=${this.dismissUpdate}
            ></resmo-update-toast>`
          : nothing
      }
    `;
  }

  private navLink(view: TopView, label: string, current: TopView) {
    return html`<li>
      <a href="#/${view}" aria-current=${current === view ? 'page' : 'false'}>${label}</a>
    </li>`;
  }

  private renderView(route: Route) {
    switch (route.view) {
      case 'consultation':
        return html`<resmo-consultation-view></resmo-consultation-view>`;
      case 'patients':
        return html`<resmo-patients-view></resmo-patients-view>`;
      case 'patient':
        return html`<resmo-patient-page patient-id=${route.id}></resmo-patient-page>`;
      case 'session':
        return html`<resmo-session-review session-id=${route.id}></resmo-session-review>`;
      case 'settings':
        return html`<resmo-settings-view></resmo-settings-view>`;
    }
  }

  private readonly onRecordingChange = (): void => {
    this.recording = recordingActivity.active;
  };

  private acceptUpdate(): void {
    this.pendingUpdate?.apply();
  }

  private dismissUpdate(): void {
    this.pendingUpdate = null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-app': ResmoApp;
  }
}
