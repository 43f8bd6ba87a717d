import { css } from 'lit';

/** The shell's header, navigation, main column, covers and footer (`<resmo-app>`). */
export const appShellStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr auto;
    grid-template-columns: minmax(0, 1fr);
    min-height: 100vh;
    min-height: 100dvh;
  }
  header {
    display: flex;
    align-items: center;
    gap: 1rem;
    flex-wrap: wrap;
    padding: 0.5rem 1rem;
    padding-top: max(0.5rem, env(safe-area-inset-top));
    background: var(--resmo-brand);
    color: var(--resmo-brand-ink);
  }
  .brand {
    font-weight: 700;
    font-size: 1.2rem;
    letter-spacing: 0.02em;
    margin-right: auto;
  }
  nav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  nav a {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    padding: 0 0.9rem;
    border-radius: 999px;
    color: inherit;
    text-decoration: none;
  }
  nav a[aria-current='page'] {
    background: var(--resmo-brand-ink);
    color: var(--resmo-brand);
    font-weight: 600;
  }
  nav a:focus-visible {
    outline: 3px solid #ffd166;
    outline-offset: 2px;
  }
  /*
   * Phones: the navigation takes a row of its own under the name and the lock button, the three
   * links side by side, so the header is two rows, not three (Spanish labels are the longest).
   */
  @media (max-width: 30rem) {
    header {
      gap: 0 0.5rem;
      padding-inline: 0.5rem;
    }
    .brand {
      padding-left: 0.5rem;
    }
    nav {
      order: 1;
      flex: 1 1 100%;
    }
    nav ul {
      flex-wrap: nowrap;
      justify-content: space-between;
      gap: 0.125rem;
    }
    nav a {
      padding: 0 0.6rem;
      font-size: 0.875rem;
    }
  }
  main {
    box-sizing: border-box;
    padding: 1rem;
    max-width: 90rem;
    width: 100%;
    margin: 0 auto;
  }
  button.lock {
    font: inherit;
    min-height: 44px;
    padding: 0 0.9rem;
    border-radius: 999px;
    border: 1px solid var(--resmo-brand-ink);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }
  button.lock:focus-visible {
    outline: 3px solid #ffd166;
    outline-offset: 2px;
  }
  .cover {
    position: fixed;
    inset: 0;
    z-index: 10;
    overflow: auto;
    background: var(--resmo-canvas);
  }
  footer {
    padding: 0.5rem 1rem 1rem;
    text-align: center;
  }
  footer a {
    color: inherit;
    display: inline-flex;
    align-items: center;
    min-height: 44px;
  }
  @media print {
    footer,
    header,
    resmo-update-toast {
      display: none;
    }
  }
`;
