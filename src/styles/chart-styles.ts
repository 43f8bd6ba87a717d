import { css } from 'lit';

/** The elapsed-time chart: plot, marker tags over it, legend toggles and the hover readout. */
export const chartStyles = css`
  :host {
    display: block;
    /* The plot takes the width it is given: its canvas, sized from that width, must not widen it. */
    contain: inline-size;
    min-width: 0;
    /* Until the resize observer redraws it, the old canvas is wider than a narrowed host: clip it. */
    overflow-x: clip;
  }
  .frame {
    position: relative;
  }
  .tag {
    position: absolute;
    max-width: 112px; /* TAG_WIDTH in src/analysis/tags.ts */
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-size: 0.75rem;
    line-height: 1.2;
    padding: 0.1rem 0.3rem;
    background: rgb(255 255 255 / 0.92);
    border: 1px solid #17242b;
    border-radius: 3px;
    color: #17242b;
    z-index: 1;
  }
  .tag:hover,
  .tag:focus {
    max-width: min(24rem, 80vw);
    white-space: normal;
    z-index: 2;
    outline: 3px solid var(--resmo-focus, #ffbf47);
  }
  .caption {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.85rem;
    color: var(--resmo-muted);
    margin: 0.25rem 0;
  }
  .mode {
    font-weight: 600;
    color: var(--resmo-ink, #17242b);
  }
  .readout {
    min-height: 1.4em;
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
    margin: 0.25rem 0 0;
  }
`;
