import { css } from 'lit';

/** Layout of the review pages on screen and the printed report (A4, black on white). */
export const reportStyles = css`
  /* Links styled as buttons are content-box by default: keep them 44px tall like buttons. */
  .button {
    box-sizing: border-box;
  }
  :host {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.25rem;
  }
  section {
    break-inside: avoid;
  }
  .facts {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .columns {
    display: grid;
    gap: 1.25rem;
    grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
  }
  .markers {
    margin: 0;
    padding-inline-start: 1.5rem;
  }
  .time {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    margin-inline-end: 0.5rem;
  }
  :is(button, a):focus-visible {
    outline: 3px solid var(--resmo-focus, #ffbf47);
    outline-offset: 2px;
  }
  @media print {
    :host {
      gap: 0.75rem;
      color: #000;
      font-size: 11pt;
    }
    .screen-only {
      display: none;
    }
    h1 {
      font-size: 16pt;
    }
    h2 {
      font-size: 12pt;
    }
  }
`;
