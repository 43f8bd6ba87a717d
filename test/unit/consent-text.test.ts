import { describe, expect, it } from 'vitest';
import { CONSENT_LANGUAGES, consentText } from '../../src/i18n/consent-text';
import { CONSENT_TEXT_VERSION } from '../../src/shared/consent';

describe('the consent text', () => {
  it('shows a consent given to version 1 with the words of version 1', () => {
    for (const language of CONSENT_LANGUAGES) {
      const text = consentText(language, '1');
      expect(text.versionLine).toMatch(/ 1$/);
      expect(text.paragraphs.join(' ')).not.toMatch(/sync|sincroniz/i);
    }
  });

  it('says in the current version that a clinic’s sync copies the file, sealed, to its own devices', () => {
    expect(CONSENT_TEXT_VERSION).toBe('2');
    expect(consentText('en').paragraphs[3]).toMatch(/syncs its devices, a sealed copy/);
    expect(consentText('es').paragraphs[3]).toMatch(/sincronice sus dispositivos/);
    for (const language of CONSENT_LANGUAGES) {
      const [v1, v2] = [consentText(language, '1'), consentText(language, '2')];
      expect(v2.paragraphs.filter((p, i) => p !== v1.paragraphs[i])).toHaveLength(1);
    }
  });

  it('falls back to the current text for a version this build does not know', () => {
    expect(consentText('en', '99').paragraphs).toEqual(consentText('en').paragraphs);
  });
});
