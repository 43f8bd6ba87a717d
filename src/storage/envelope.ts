import type {
  Envelope,
  Marker,
  Patient,
  RecordKind,
  RecordKinds,
  Sample,
  SampleBlock,
  SealedRecord,
  Session,
} from './schema.js';

export type { Envelope, RecordKind, RecordKinds, SealedRecord } from './schema.js';

/** Thrown when a sealed record does not open: tampered, moved, or under another key. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
}

const ENVELOPE_VERSION = 1;
const encoder = new TextEncoder();

export function isSealed(value: object): value is Envelope {
  return 'ct' in value && 'iv' in value && 'kind' in value;
}

function recordId<K extends RecordKind>(kind: K, record: RecordKinds[K]): string {
  if (kind === 'sample' || kind === 'block') {
    const sample = record as Sample | SampleBlock;
    return `${sample.sessionId}/${sample.second}`;
  }
  return (record as Patient | Session | Marker).id;
}

function clearFields<K extends RecordKind>(kind: K, record: RecordKinds[K]): Record<string, unknown> {
  switch (kind) {
    case 'session':
      return { patientId: (record as Session).patientId };
    case 'sample':
    case 'block':
      return { sessionId: (record as Sample).sessionId, second: (record as Sample).second };
    case 'marker':
      return { sessionId: (record as Marker).sessionId };
    default:
      return {};
  }
}

/** Binds the ciphertext to its record: moved to another id or kind, or under another key, it fails. */
function aad(id: string, kind: string, kid: string, v: number): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${id}|${kind}|${kid}|${v}`);
}

export async function seal<K extends RecordKind>(
  kind: K,
  record: RecordKinds[K],
  key: CryptoKey,
  kid: string,
): Promise<SealedRecord<K>> {
  const id = recordId(kind, record);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = encoder.encode(JSON.stringify(record));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: aad(id, kind, kid, ENVELOPE_VERSION) },
      key,
      plain,
    ),
  );
  return { ...clearFields(kind, record), id, kind, v: ENVELOPE_VERSION, kid, iv, ct } as SealedRecord<K>;
}

/** Opens a sealed record and checks that its clear fields say what the sealed content says. */
export async function open<K extends RecordKind>(kind: K, sealed: Envelope, key: CryptoKey): Promise<RecordKinds[K]> {
  if (sealed.kind !== kind || sealed.v !== ENVELOPE_VERSION) throw new EnvelopeError(`Not a ${kind} record.`);
  let plain: ArrayBuffer;
  try {
    const params = { name: 'AES-GCM', iv: sealed.iv, additionalData: aad(sealed.id, kind, sealed.kid, sealed.v) };
    plain = await crypto.subtle.decrypt(params, key, sealed.ct);
  } catch (error) {
    throw new EnvelopeError(`A ${kind} record does not open.`, { cause: error });
  }
  const record = JSON.parse(new TextDecoder().decode(plain)) as RecordKinds[K];
  const clear = clearFields(kind, record);
  const moved =
    recordId(kind, record) !== sealed.id || Object.entries(clear).some(([k, v]) => (sealed as never)[k] !== v);
  if (moved) throw new EnvelopeError(`A ${kind} record was moved.`);
  return record;
}

/** True when a record was not rewritten since it was read (every seal has a fresh IV). */
export function unchanged(before: object | undefined, now: object | undefined): boolean {
  if (!before || !now) return before === now;
  if (isSealed(before) && isSealed(now)) return before.iv.every((b, i) => now.iv[i] === b);
  return !isSealed(before) && !isSealed(now) && JSON.stringify(before) === JSON.stringify(now);
}
