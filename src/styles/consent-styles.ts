import { css } from 'lit';

/** The consent dialog: a long text to read, language choice, and a print that shows the text alone. */
export const consentDialogStyles = css`
  dialog {
    max-width: min(44rem, calc(100vw - 1rem));
    max-height: calc(100dvh - 1rem);
  }
  fieldset {
    border: 1px solid var(--resmo-line);
    border-radius: var(--resmo-radius);
    padding: 0.5rem 0.75rem;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 44px;
    font-weight: normal;
  }
`;
