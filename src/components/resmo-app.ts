import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { RouterController, topViewOf, type Route, type TopView } from '../controllers/router-controller.js';
import { recordingActivity } from '../platform/activity.js';
import { AppLockController } from '../controllers/app-lock.js';
import { LeaveGuard } from '../controllers/leave-guard.js';
import type { UpdateHandle } from '../pwa.js';
import './consultation/resmo-consultation-view.js';
import './patients/resmo-patients-view.js';
import './patients/resmo-patient-page.js';
import './review/resmo-session-review.js';
import './settings/resmo-settings-view.js';
import './ui/resmo-update-toast.js';
import './lock/resmo-encryption-banner.js';
import './lock/resmo-lock-screen.js';
import './ui/resmo-recording-indicator.js';
import './ui/resmo-welcome.js';
import './ui/resmo-database-unavailable.js';
import './ui/resmo-privacy-page.js';
import './ui/resmo-consent-dialog.js';
import { firstRunDone } from '../platform/first-run.js';
import { appShellStyles } from '../styles/app-shell-styles.js';

/** The shell: header, navigation between the three views, and the update prompt. */
@customElement('resmo-app')
// Legacy decorators apply bottom-up: @localized() must run before the define, which upgrades the
// <resmo-app> already in index.html; in the other order it would never hear a language change.
@localized()
export class ResmoApp extends LitElement {
  static override styles = appShellStyles;

  private readonly router = new RouterController(this);
  private readonly lock = new AppLockController(this);
  protected readonly leaveGuard = new LeaveGuard(this);
  @state() private pendingUpdate: UpdateHandle | null = null;
  @state() private recording = recordingActivity.active;
  /** The first-run welcome stays until its last step is done, even once the vault is set up. */
  @state() private welcoming = false;

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

  protected override willUpdate(): void {
    if (this.lock.state === 'off' && !firstRunDone()) this.welcoming = true;
  }

  override render() {
    if (this.welcoming)
      return html`<main id="main">
        <resmo-welcome @resmo-first-run-done=${() => (this.welcoming = false)}></resmo-welcome>
      </main>`;
    const current = topViewOf(this.router.route);
    const { state } = this.lock;
    // Locked: the views are removed, so no decrypted record stays referenced by the page.
    const open = state === 'off' || state === 'unlocked' || state === 'covered';
    return html`
      <header>
        <span class="brand">Resmo</span>
        ${open ? html`<resmo-recording-indicator ?here=${current === 'consultation'}></resmo-recording-indicator>` : nothing}
        ${
          open
            ? html`<nav aria-label=${msg('Main')}>
                <ul>
                  ${this.navLink('consultation', msg('Consultation'), current)}
                  ${this.navLink('patients', msg('Patients'), current)}
                  ${this.navLink('settings', msg('Settings'), current)}
                </ul>
              </nav>`
            : nothing
        }
        ${
          state === 'unlocked'
            ? html`<button class="lock" type="button" @click=${() => this.lock.lockNow()}>${msg('Lock')}</button>`
            : nothing
        }
      </header>
      ${
        open
          ? html`<main id="main" ?inert=${state === 'covered'}>
              ${
                state === 'off' && current !== 'settings' && !(current === 'consultation' && this.recording)
                  ? html`<resmo-encryption-banner></resmo-encryption-banner>`
                  : nothing
              }
              ${this.renderConsultation(this.router.route)}
              ${this.router.route.view === 'consultation' ? nothing : this.renderView(this.router.route)}
            </main>`
          : html`<main id="main">${this.renderClosed()}</main>`
      }
      ${
        open
          ? html`<footer><a href="#/privacy">${msg('Privacy')}</a></footer>
              <resmo-consent-dialog></resmo-consent-dialog>`
          : nothing
      }
      ${state === 'covered' ? html`<resmo-lock-screen class="cover" covered></resmo-lock-screen>` : nothing}
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

  private renderClosed() {
    if (this.lock.state === 'locked') return html`<resmo-lock-screen></resmo-lock-screen>`;
    if (this.lock.state === 'unavailable')
      return html`<resmo-database-unavailable .reason=${this.lock.unavailableReason}></resmo-database-unavailable>`;
    return nothing;
  }

  private navLink(view: TopView, label: string, current: TopView) {
    return html`<li>
      <a href="#/${view}" aria-current=${current === view ? 'page' : 'false'}>${label}</a>
    </li>`;
  }

  /**
   * The consultation stays in the page, hidden, while it records and another screen is open, so
   * that the recording and the camera go on; the header's indicator leads back to it.
   */
  private renderConsultation(route: Route) {
    const here = route.view === 'consultation';
    if (!here && !this.recording) return nothing;
    return html`<resmo-consultation-view
      ?hidden=${!here}
      .routePatient=${here ? route.patientId : ''}
      .startCamera=${here && route.start}
    ></resmo-consultation-view>`;
  }

  private renderView(route: Exclude<Route, { view: 'consultation' }>) {
    switch (route.view) {
      case 'patients':
        return html`<resmo-patients-view></resmo-patients-view>`;
      case 'patient':
        return html`<resmo-patient-page patient-id=${route.id}></resmo-patient-page>`;
      case 'session':
        return html`<resmo-session-review session-id=${route.id}></resmo-session-review>`;
      case 'settings':
        return html`<resmo-settings-view></resmo-settings-view>`;
      case 'privacy':
        return html`<resmo-privacy-page></resmo-privacy-page>`;
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
