/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1) so that exporting the same session again gives
 * the same `urn:uuid:` full URLs and identifiers, and an EHR updates instead of duplicating.
 */

/** Resmo's namespace for version-5 UUIDs; fixed for ever, or every exported id changes. */
export const RESMO_UUID_NAMESPACE = '5f1c2a4e-8b7d-4c3e-9a61-0d2f4e6b8c10';

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

function format(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function uuidV5(name: string, namespace = RESMO_UUID_NAMESPACE): Promise<string> {
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  return format(hash);
}

export const urn = (uuid: string): string => `urn:uuid:${uuid}`;
