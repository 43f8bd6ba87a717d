import { css } from 'lit';

/** Passphrase fields: full width up to a readable measure, large enough to tap. */
export const lockFormStyles = css`
  form {
    display: grid;
    gap: 0.75rem;
    max-width: 32rem;
  }
  resmo-new-passphrase {
    display: contents;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-weight: 600;
  }
  input,
  textarea {
    font: inherit;
    min-height: 44px;
    padding: 0.4rem 0.6rem;
    border: 1px solid var(--resmo-muted);
    border-radius: var(--resmo-radius);
    width: 100%;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    font-weight: 400;
  }
  .check input {
    width: auto;
    min-height: 0;
    margin-top: 0.3rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    padding-inline: 0;
  }
`;
