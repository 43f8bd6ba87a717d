import { css } from 'lit';

/** The clinicians list and a new clinician's recovery words. */
export const cliniciansStyles = css`
  ul.clinicians {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
    display: grid;
    gap: 0.5rem;
  }
  ul.clinicians li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    overflow-wrap: anywhere;
  }
  ol.words {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: 0.25rem 1rem;
    font-family: ui-monospace, monospace;
    padding-left: 2.5rem;
  }
`;
