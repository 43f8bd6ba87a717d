import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import {
  canPromptInstall,
  installEvents,
  installPlatform,
  isInstalled,
  promptInstall,
  type InstallPlatform,
} from '../../platform/install-prompt.js';
import { sharedStyles } from '../../styles/shared-styles.js';
import { heading, type HeadingLevel } from '../../styles/heading.js';

/**
 * How to put Resmo on the home screen or desktop, so it opens like an app and works offline:
 * the browser's own Install button where it offers one, and the steps for each device.
 */
@customElement('resmo-install-help')
@localized()
export class ResmoInstallHelp extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      .steps {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: 1rem;
      }
      section {
        border: 1px solid var(--resmo-line);
        border-radius: var(--resmo-radius);
        padding: 0.75rem 1rem;
      }
      section.first {
        border-width: 2px;
        border-color: var(--resmo-brand);
      }
      ol {
        margin: 0;
        padding-left: 1.25rem;
      }
      h2,
      h3 {
        font-size: 1rem;
      }
    `,
  ];

  /** The level of its headings: 3 under a page's section (h2), 2 directly under a page heading. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel: HeadingLevel = 3;
  @state() private canPrompt = canPromptInstall();
  @state() private installed = isInstalled();
  private readonly platform: InstallPlatform = installPlatform();

  override connectedCallback(): void {
    super.connectedCallback();
    installEvents.addEventListener('change', this.refresh);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    installEvents.removeEventListener('change', this.refresh);
  }

  private readonly refresh = (): void => {
    this.canPrompt = canPromptInstall();
    this.installed = isInstalled();
  };

  override render() {
    if (this.installed) return html`<p>${msg('Resmo is installed on this device: open it from its icon.')}</p>`;
    const guides = [this.apple(), this.chromium()];
    return html`<p>
        ${msg(
          'Install Resmo on this device so that it opens from its own icon, full screen, and works without internet.',
        )}
      </p>
      ${
        this.canPrompt
          ? html`<p>
              <button class="primary install" type="button" @click=${this.install}>${msg('Install Resmo')}</button>
            </p>`
          : nothing
      }
      <div class="steps">${this.platform === 'apple' ? guides : guides.reverse()}</div>`;
  }

  private apple() {
    return html`<section class=${this.platform === 'apple' ? 'first' : ''} aria-labelledby="install-apple">
      ${heading(this.headingLevel, msg('iPad or iPhone (Safari)'), 'install-apple')}
      <ol>
        <li>${msg('Open Resmo in Safari.')}</li>
        <li>${msg('Tap the Share button (a square with an arrow pointing up).')}</li>
        <li>${msg('Choose “Add to Home Screen”, then “Add”.')}</li>
      </ol>
    </section>`;
  }

  private chromium() {
    return html`<section class=${this.platform === 'apple' ? '' : 'first'} aria-labelledby="install-chromium">
      ${heading(this.headingLevel, msg('Android, Windows or Mac (Chrome or Edge)'), 'install-chromium')}
      <ol>
        <li>${msg('Open Resmo in Chrome or Edge.')}</li>
        <li>${msg('Open the browser menu (⋮ or …).')}</li>
        <li>${msg('Choose “Install app” or “Add to Home screen”, then confirm.')}</li>
      </ol>
    </section>`;
  }

  private async install(): Promise<void> {
    await promptInstall();
    this.refresh();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-install-help': ResmoInstallHelp;
  }
}
