/**
 * Hands a file to the system share sheet where the browser can share files (mobile, ChromeOS,
 * Windows), and downloads it otherwise. Returns what happened.
 */
export async function shareOrDownload(file: File, title: string): Promise<'shared' | 'downloaded' | 'cancelled'> {
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // NotAllowedError (no user activation left, policy): fall back to a download.
    }
  }
  download(file);
  return 'downloaded';
}

function download(file: File): void {
  const url = URL.createObjectURL(file);
  const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name without characters that file systems or share targets reject. */
export function safeFileName(base: string): string {
  return base.replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(0, 80);
}
