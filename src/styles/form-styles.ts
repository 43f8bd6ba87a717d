import { css } from 'lit';

/** A settings field: its label above, and a select large enough to tap. */
export const formStyles = css`
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  select {
    font: inherit;
    min-height: 44px;
    padding: 0 0.5rem;
    max-width: 100%;
  }
`;
