import { formatUnit } from '../../i18n/format.js';
import { LitElement, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import { requestPersistence, storageStatus } from '../../storage/index.js';
import { sharedStyles } from '../../styles/shared-styles.js';

/** How much the app keeps on this device, and whether the browser promised to keep it. */
@customElement('resmo-storage-panel')
@localized()
export class ResmoStoragePanel extends LitElement {
  static override styles = sharedStyles;

  private readonly status = new Task(this, { task: () => storageStatus(), args: () => [] });

  override render() {
    return html`<section class="card">
      <h2>${msg('Storage on this device')}</h2>
      ${this.status.render({
        pending: () => html`<p>${msg('Checking storage…')}</p>`,
        error: () => html`<p class="error">${msg('The browser did not report its storage.')}</p>`,
        complete: (s) => html`
          <p>
            ${s.usage === null ? msg('The browser does not report storage use.') : this.usageText(s.usage, s.quota)}
          </p>
          <p>
            ${
              s.persisted
                ? msg('Persistent: the browser will not delete this data to free space.')
                : msg(
                    'Not persistent: under storage pressure the browser may delete this data. Export sessions regularly.',
                  )
            }
          </p>
          ${s.persisted ? nothing : html`<button @click=${this.persist}>${msg('Ask to keep data')}</button>`}
        `,
      })}
    </section>`;
  }

  private usageText(usage: number, quota: number | null): string {
    const used = formatUnit(usage / 1e6, 'megabyte');
    return quota === null
      ? msg(str`${used} used`)
      : msg(str`${used} used of ${formatUnit(quota / 1e6, 'megabyte')} available`);
  }

  private async persist(): Promise<void> {
    await requestPersistence();
    void this.status.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-storage-panel': ResmoStoragePanel;
  }
}
