/** What settings shows about on-device storage. */
export interface StorageStatus {
  /** True when the browser promised not to evict the data under storage pressure. */
  persisted: boolean;
  /** Bytes used and available to this origin, when the browser says. */
  usage: number | null;
  quota: number | null;
}

export async function storageStatus(): Promise<StorageStatus> {
  const manager = navigator.storage;
  if (!manager) return { persisted: false, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([manager.persisted(), manager.estimate()]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/** Asks the browser to keep the data; Chromium decides silently from engagement, Firefox prompts. */
export async function requestPersistence(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
