import { defaultModelUrls } from './model-urls.js';

export interface SoftwareVersion {
  appVersion: string;
  modelName: string;
  modelVersion: string;
}

/** The app's version and the model's, from the same metadata.json the worker loads (precached). */
export async function softwareVersion(): Promise<SoftwareVersion> {
  const response = await fetch(defaultModelUrls().classifier);
  if (!response.ok) throw new Error(`metadata.json: HTTP ${response.status}`);
  const { version } = (await response.json()) as { version?: unknown };
  if (typeof version !== 'string') throw new Error('metadata.json has no version');
  return { appVersion: __APP_VERSION__, modelName: 'ResmoNet', modelVersion: version };
}
