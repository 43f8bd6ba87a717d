import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST } from '../support/dist';

interface Icon {
  src: string;
  sizes: string;
  type?: string;
  purpose?: string;
}

describe('built web app manifest', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown> & {
    icons: Icon[];
  };
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');

  it('has the fields an installable app needs', () => {
    expect(manifest).toMatchObject({
      short_name: 'Resmo',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      orientation: 'any',
    });
    for (const field of ['name', 'description', 'theme_color', 'background_color']) {
      expect(manifest[field], field).toEqual(expect.any(String));
    }
  });

  it('has 192 and 512 icons and a maskable one, all present in dist/', () => {
    const sizes = manifest.icons.map((icon) => icon.sizes);
    expect(sizes).toContain('192x192');
    expect(sizes).toContain('512x512');
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) expect(existsSync(join(DIST, icon.src)), icon.src).toBe(true);
  });

  it('links the manifest, theme colour and apple-touch-icon from index.html', () => {
    expect(html).toMatch(/<link rel="manifest" href="\/manifest\.webmanifest">/);
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}">/i);
    const touch = /<link rel="apple-touch-icon" href="\/([^"]+)">/.exec(html);
    expect(touch?.[1]).toBeDefined();
    expect(existsSync(join(DIST, touch?.[1] ?? ''))).toBe(true);
  });

  it("gives iPad and iPhone's Add to Home Screen the manifest's name, colour and standalone display", () => {
    const meta = (name: string): string | undefined =>
      new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1];
    expect(meta('apple-mobile-web-app-title')).toBe(manifest.short_name);
    expect(meta('apple-mobile-web-app-capable')).toBe('yes');
    expect(meta('mobile-web-app-capable')).toBe('yes');
    expect(meta('apple-mobile-web-app-status-bar-style')).toBe('default');
    expect(meta('theme-color')).toBe(manifest.theme_color);
    expect(manifest.display).toBe('standalone');
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon-180x180\.png">/);
  });
});
