import { css } from 'lit';

/** A list of terms and their values in two columns that never push the page wider than the screen. */
export const termListStyles = css`
  dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
`;

/**
 * Tables on a phone: each row becomes a small block of lines, each cell named by its
 * `data-label`, so that a wide row never scrolls the page sideways.
 */
export const stackedTableStyles = css`
  @media (max-width: 40rem) {
    table thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    table tr {
      display: grid;
      gap: 0.2rem;
      padding-block: 0.5rem;
      border-bottom: 1px solid var(--resmo-line);
    }
    table td {
      display: block;
      padding: 0;
      border: 0;
      text-align: start;
    }
    table td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
  }
`;
