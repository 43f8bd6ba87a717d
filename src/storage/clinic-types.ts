import type { KdfParams } from './vault-kdf.js';
import type { VaultMeta } from './vault-keys.js';

type Bytes = Uint8Array<ArrayBuffer>;

/**
 * One clinician's keys as the clinic keeps them (they sync): a random clinician key wrapped by
 * their passphrase key and by their recovery key, and an ECDH key pair whose private half that
 * clinician key seals. Anyone in the clinic can give them a data key through the public half.
 */
export interface ClinicianKeyring {
  /** Random id. The display name is sealed under a clinic data key, never in the clear. */
  clinician: string;
  kdf: KdfParams;
  /** The clinician key wrapped (AES-KW) by the Argon2id passphrase key. */
  wrapped: Bytes;
  recovery: { salt: Bytes; wrapped: Bytes };
  /** ECDH P-256, raw. */
  publicKey: Bytes;
  /** The private key (PKCS #8) sealed with AES-GCM by the clinician key. */
  privateKey: { iv: Bytes; ct: Bytes };
  /** The display name, sealed under the clinic data key `kid`. */
  name: { kid: string; iv: Bytes; ct: Bytes };
}

/** A clinic data key given to one clinician: ephemeral ECDH with their public key → HKDF → AES-KW. */
export interface KeyGrant {
  clinician: string;
  kid: string;
  /** Generation: the newest generation's key seals new records. */
  n: number;
  epk: Bytes;
  wrapped: Bytes;
}

/**
 * The keys of a clinician (a clinic with a keyring per clinician): their keyring and the data
 * keys given to them. `kid` is the newest data key, the one new records are sealed with.
 */
export interface ClinicianMeta {
  v: 2;
  kid: string;
  keyring: ClinicianKeyring;
  grants: KeyGrant[];
  migrated: boolean;
  createdAt: number;
  /** When another of this clinician's devices last gave this one a new passphrase (sync). */
  passphraseChangedElsewhereAt?: number;
}

/** What the device keeps about its keys: one shared passphrase (v1, as before) or a clinician's keyring. */
export type StoredMeta = VaultMeta | ClinicianMeta;
