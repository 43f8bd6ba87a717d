import { LitElement, css, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { FaceResult } from '../../shared/protocol.js';

export type FacePickEvent = CustomEvent<{ index: number }>;

/**
 * Each face can be tapped a little outside its box: faces in a call gallery are small on a phone,
 * and their boxes move a few pixels from frame to frame.
 */
const pad = (face: FaceResult): number => Math.max(face.box.width, face.box.height) / 2;

/**
 * Face boxes drawn over the video. The SVG uses the frame's own pixel coordinates with the same
 * "contain" fit as the video, so boxes stay on the face at any aspect ratio or orientation; the
 * parent mirrors both together for the front camera. Another face can be picked by tap or keyboard.
 */
@customElement('resmo-face-overlay')
@localized()
export class ResmoFaceOverlay extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
    rect {
      fill: transparent;
      stroke: #ffffff;
      stroke-width: 2;
      vector-effect: non-scaling-stroke;
      stroke-dasharray: 6 4;
    }
    .ignored rect {
      stroke: #9aa5ab;
      stroke-dasharray: 2 4;
    }
    .analysed rect {
      stroke: #8fd3c8;
      stroke-width: 4;
      stroke-dasharray: none;
    }
    rect.hit {
      stroke: none;
    }
    g {
      pointer-events: auto;
      cursor: pointer;
    }
    g:focus-visible rect {
      stroke: #ffd166;
      stroke-width: 5;
    }
    g:focus {
      outline: none;
    }
  `;

  @property({ type: Number }) frameWidth = 640;
  @property({ type: Number }) frameHeight = 480;
  @property({ attribute: false }) faces: readonly FaceResult[] = [];
  /** Index in `faces` of the face being analysed. */
  @property({ type: Number }) analysed = -1;
  /** Indexes of faces the clinician asked to ignore (their own view in a call). */
  @property({ attribute: false }) ignored: readonly number[] = [];

  override render() {
    return svg`<svg viewBox="0 0 ${this.frameWidth} ${this.frameHeight}" preserveAspectRatio="xMidYMid meet">
      ${this.faces.map((face, index) => {
        const kind = index === this.analysed ? 'analysed' : this.ignored.includes(index) ? 'ignored' : '';
        const label =
          kind === 'analysed'
            ? msg(str`Face ${index + 1}, analysed`)
            : kind === 'ignored'
              ? msg(str`Face ${index + 1}, ignored`)
              : msg(str`Analyse face ${index + 1}`);
        return svg`<g class=${kind} data-face=${index} role="button" tabindex="0"
            aria-label=${label} @click=${() => this.pick(index)} @keydown=${(e: KeyboardEvent) => this.onKey(e, index)}>
          <rect x=${face.box.x} y=${face.box.y} width=${face.box.width} height=${face.box.height} rx="6"></rect>
          <rect class="hit" x=${face.box.x - pad(face)} y=${face.box.y - pad(face)} width=${face.box.width + 2 * pad(face)}
            height=${face.box.height + 2 * pad(face)}></rect>
        </g>`;
      })}
    </svg>`;
  }

  private onKey(event: KeyboardEvent, index: number): void {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    this.pick(index);
  }

  private pick(index: number): void {
    this.dispatchEvent(new CustomEvent('resmo-face-pick', { detail: { index }, bubbles: true, composed: true }));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'resmo-face-pick': FacePickEvent;
  }
  interface HTMLElementTagNameMap {
    'resmo-face-overlay': ResmoFaceOverlay;
  }
}
