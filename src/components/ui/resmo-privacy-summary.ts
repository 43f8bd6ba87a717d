import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { sharedStyles } from '../../styles/shared-styles.js';

/** What Resmo keeps, where, what leaves the device, and what the readings are: the first-run facts. */
@customElement('resmo-privacy-summary')
@localized()
export class ResmoPrivacySummary extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      dl {
        display: grid;
        gap: 0.25rem 1rem;
        margin: 0;
        max-width: 70ch;
      }
      dt {
        font-weight: 700;
        margin-top: 0.75rem;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  override render() {
    return html`<dl>
      <dt>${msg('What is stored')}</dt>
      <dd>
        ${msg(
          'Your patients’ details (a code, and a name, birth date and notes if you add them), their consent, and for each session the estimate of their facial expression second by second, with your markers and notes.',
        )}
      </dd>
      <dt>${msg('Where')}</dt>
      <dd>
        ${msg(
          'On this device only, in this browser. Nothing is uploaded, unless your clinic turns on sync between its devices (Settings): then only sealed records go to its server, which cannot read them.',
        )}
      </dd>
      <dt>${msg('The video')}</dt>
      <dd>
        ${msg(
          'The camera picture, or the window of a video call you share (never its sound), is analysed on this device and never stored or sent. In a call, only the patient you tap is read; the others are not recorded.',
        )}
      </dd>
      <dt>${msg('What leaves the device')}</dt>
      <dd>
        ${msg(
          'Only the files you export yourself (and reports you print), and, if your clinic turns on sync, sealed records for its other devices. An export holds clinical data: seal it with a passphrase before sending it.',
        )}
      </dd>
      <dt>${msg('What the readings are')}</dt>
      <dd>
        ${msg(
          'An estimate of facial expression, not of what the person feels. They are not a diagnosis; use them as one more thing to talk about.',
        )}
      </dd>
      <dt>${msg('How to protect the device')}</dt>
      <dd>
        ${msg(
          'Turn on the device’s screen lock (a PIN or password). Resmo also locks itself with your passphrase after a few minutes without use; lock it yourself with the Lock button when you step away.',
        )}
      </dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'resmo-privacy-summary': ResmoPrivacySummary;
  }
}
