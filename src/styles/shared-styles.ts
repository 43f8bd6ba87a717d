import { css } from 'lit';

/** Buttons, headings and notices that every view shares. */
export const sharedStyles = css`
  :host {
    display: block;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
    margin: 0 0 0.5rem;
  }
  h1 {
    font-size: 1.4rem;
  }
  h2 {
    font-size: 1.15rem;
  }
  p {
    margin: 0 0 0.75rem;
  }
  .purpose {
    color: var(--resmo-muted);
    max-width: 70ch;
  }
  button,
  .button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--resmo-radius);
    border: 1px solid var(--resmo-brand);
    background: var(--resmo-surface);
    color: var(--resmo-brand);
    cursor: pointer;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  button.primary,
  .button.primary {
    background: var(--resmo-brand);
    color: var(--resmo-brand-ink);
  }
  button.danger {
    border-color: var(--resmo-danger);
    color: var(--resmo-danger);
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .card {
    background: var(--resmo-surface);
    border: 1px solid var(--resmo-line);
    border-radius: var(--resmo-radius);
    padding: var(--resmo-space);
  }
  .notice {
    border-radius: var(--resmo-radius);
    padding: 0.75rem 1rem;
    background: var(--resmo-warn-bg);
    color: var(--resmo-warn-ink);
  }
  .error {
    border-radius: var(--resmo-radius);
    padding: 0.75rem 1rem;
    background: #fde8e5;
    color: var(--resmo-danger);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
