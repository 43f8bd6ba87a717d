import { css } from 'lit';

/** The modal look shared by the app's <dialog>s. */
export const dialogStyles = css`
  dialog {
    border: 1px solid var(--resmo-line);
    border-radius: var(--resmo-radius);
    padding: var(--resmo-space);
    max-width: min(34rem, calc(100vw - 2rem));
    width: 100%;
    color: inherit;
    background: var(--resmo-surface);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input,
  textarea {
    font: inherit;
    font-weight: normal;
    padding: 0.5rem;
    border: 1px solid var(--resmo-line);
    border-radius: var(--resmo-radius);
  }
  .hint {
    font-weight: normal;
    color: var(--resmo-muted);
    font-size: 0.9rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  :is(button, input, textarea, a):focus-visible {
    outline: 3px solid var(--resmo-focus, #ffbf47);
    outline-offset: 2px;
  }
`;
