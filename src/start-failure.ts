/**
 * Shows the plain bilingual message that index.html holds hidden. No Lit and no localization here:
 * this runs when the app's own modules could not start, whatever the reason.
 */
export function showStartFailure(error: unknown): void {
  console.error('Resmo could not start', error);
  document.querySelector('resmo-app')?.remove();
  document.getElementById('start-failure')?.removeAttribute('hidden');
}
