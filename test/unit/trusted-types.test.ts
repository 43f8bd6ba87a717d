import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from '../../scripts/csp';
import { SCRIPT_URL_POLICY, checkScriptUrl } from '../../src/shared/trusted-types';

const PAGE = 'https://clinic.example/resmo/#/consultation';

describe('the script URL policy', () => {
  it('is the policy the CSP allows, beside Lit’s, with no default policy', () => {
    expect(CSP_DIRECTIVES['require-trusted-types-for']).toBe("'script'");
    expect(CSP_DIRECTIVES['trusted-types']?.split(' ').sort()).toEqual(['lit-html', SCRIPT_URL_POLICY].sort());
  });

  it('accepts the app’s own scripts', () => {
    expect(checkScriptUrl('/sw.js', PAGE)).toBe('https://clinic.example/sw.js');
    expect(checkScriptUrl('/assets/inference.worker-D95NCgkV.js', PAGE)).toBe(
      'https://clinic.example/assets/inference.worker-D95NCgkV.js',
    );
  });

  it.each([
    'https://evil.example/sw.js',
    '//evil.example/assets/x.js',
    'data:text/javascript,alert(1)',
    'blob:https://clinic.example/1234',
    '/assets/image.svg',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(() => checkScriptUrl(url, PAGE)).toThrow(TypeError);
  });
});
