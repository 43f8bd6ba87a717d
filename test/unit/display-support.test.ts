import { describe, expect, it } from 'vitest';
import { displayMediaOptions, displaySupport } from '../../src/platform/display-support';

const UA = {
  chromeDesktop:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:128.0) Gecko/20100101 Firefox/128.0',
  iPad: 'Mozilla/5.0 (iPad; CPU OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
};

describe('whether a call window can be read', () => {
  it('is supported on desktop Chromium, Edge and Firefox', () => {
    for (const userAgent of [UA.chromeDesktop, UA.edge, UA.firefoxMac])
      expect(displaySupport({ secure: true, hasGetDisplayMedia: true, userAgent })).toBe('supported');
  });

  it('is not where getDisplayMedia is missing (phones, tablets) or the page is not secure', () => {
    expect(displaySupport({ secure: true, hasGetDisplayMedia: false, userAgent: UA.iPad })).toBe('no-display-capture');
    expect(displaySupport({ secure: false, hasGetDisplayMedia: true, userAgent: UA.chromeDesktop })).toBe(
      'no-display-capture',
    );
  });

  it('warns on Safari for Mac, which may share only the whole screen', () => {
    expect(displaySupport({ secure: true, hasGetDisplayMedia: true, userAgent: UA.safariMac })).toBe('screen-only');
  });

  it('asks for video only, never Resmo itself, at a rate the pipeline keeps up with', () => {
    expect(displayMediaOptions()).toMatchObject({
      audio: false,
      selfBrowserSurface: 'exclude',
      surfaceSwitching: 'include',
      video: { frameRate: { ideal: 15, max: 15 } },
    });
  });
});
