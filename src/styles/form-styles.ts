import { css } from 'lit';

/** A settings field: its label above, and a select large enough to tap. */
export const formStyles = css`
  label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  label.check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
    margin-top: 0.75rem;
  }
  label.check input {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }
  select {
    font: inherit;
    min-height: 44px;
    padding: 0 0.5rem;
    max-width: 100%;
  }
`;
