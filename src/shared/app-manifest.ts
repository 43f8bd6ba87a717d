/** The web app manifest; vite-plugin-pwa adds the generated icons. Shared by the build and its tests. */
export const appManifest = {
  id: '/',
  name: 'Resmo: facial emotion timeline for clinicians',
  short_name: 'Resmo',
  description:
    'Estimates facial expression during a consultation, on the device, and keeps the timeline in the patient file. Works offline.',
  lang: 'en',
  dir: 'ltr',
  start_url: '/',
  scope: '/',
  display: 'standalone',
  orientation: 'any',
  theme_color: '#1f4e5f',
  background_color: '#f7f9fa',
  categories: ['medical', 'health'],
} as const;
