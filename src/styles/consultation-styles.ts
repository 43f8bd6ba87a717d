import { css } from 'lit';

/** The consultation screen's layout: the camera stage beside the readings, stacked on narrow screens. */
export const consultationStyles = css`
  /* Kept in the page, hidden, while it records behind another screen. */
  :host([hidden]) {
    display: none;
  }
  .layout {
    display: grid;
    gap: 1rem;
    grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr);
    align-items: start;
  }
  [hidden] {
    display: none !important;
  }
  @media (max-width: 52rem), (orientation: portrait) and (max-width: 64rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
    }
    /* A phone or portrait tablet: the current emotion comes first, under the record button. */
    .readings {
      order: -1;
    }
  }
  @media (max-width: 40rem) {
    .stage {
      max-height: 45vh;
    }
  }
  .stage {
    position: relative;
    background: #0d1417;
    border-radius: var(--resmo-radius);
    overflow: hidden;
    aspect-ratio: 4 / 3;
    max-height: 65vh;
    width: 100%;
  }
  .stage.call {
    aspect-ratio: 16 / 9;
  }
  .mirror {
    position: absolute;
    inset: 0;
  }
  .mirror.on {
    transform: scaleX(-1);
  }
  video {
    width: 100%;
    height: 100%;
    object-fit: contain;
    display: block;
  }
  .controls {
    display: flex;
    gap: 0.5rem;
    flex-wrap: wrap;
    align-items: end;
    margin-block: 0.75rem;
  }
  resmo-session-controls,
  resmo-live-readings,
  resmo-status-strip {
    margin-block: 0.75rem;
  }
  .disclaimer {
    font-size: 0.9rem;
    color: var(--resmo-muted);
  }
`;
