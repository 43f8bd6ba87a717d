import { openValue, sealValue } from './envelope.js';
import { entropyToWords, wordsToEntropy, type RecoveryLanguage } from './recovery-words.js';
import { newKdfParams, passphraseKek, randomBytes, recoveryKek } from './vault-kdf.js';
import { WrongSecretError } from './vault-keys.js';
import type { ClinicianKeyring, KeyGrant } from './clinic-types.js';

export type { ClinicianKeyring, KeyGrant } from './clinic-types.js';
type Bytes = Uint8Array<ArrayBuffer>;

/** A data key as a device holds it while unlocked. */
export interface DataKey {
  kid: string;
  n: number;
  key: CryptoKey;
}

export type Proof = { passphrase: string } | { recovery: string };

const GCM = { name: 'AES-GCM', length: 256 } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const encoder = new TextEncoder();

async function grantKek(own: CryptoKey, other: CryptoKey, g: { clinician: string; kid: string; epk: Bytes }) {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: other }, own, 256);
  const base = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = encoder.encode(`resmo clinic key|${g.clinician}|${g.kid}`);
  const params = { name: 'HKDF', hash: 'SHA-256', salt: g.epk, info };
  return crypto.subtle.deriveKey(params, base, { name: 'AES-KW', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

/** Wraps an (extractable) data key for a clinician, knowing only their public key. */
export async function grantKey(
  data: DataKey,
  to: Pick<ClinicianKeyring, 'clinician' | 'publicKey'>,
): Promise<KeyGrant> {
  const ephemeral = await crypto.subtle.generateKey(ECDH, false, ['deriveBits']);
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const theirs = await crypto.subtle.importKey('raw', to.publicKey, ECDH, true, []);
  const grant = { clinician: to.clinician, kid: data.kid, n: data.n, epk };
  const kek = await grantKek(ephemeral.privateKey, theirs, grant);
  return { ...grant, wrapped: new Uint8Array(await crypto.subtle.wrapKey('raw', data.key, kek, 'AES-KW')) };
}

/** Opens a grant with the clinician's private key; fails (WrongSecretError) with anyone else's. */
export async function openGrant(grant: KeyGrant, privateKey: CryptoKey, extractable = false): Promise<DataKey> {
  try {
    const epk = await crypto.subtle.importKey('raw', grant.epk, ECDH, true, []);
    const kek = await grantKek(privateKey, epk, grant);
    const usages: KeyUsage[] = ['encrypt', 'decrypt'];
    const key = await crypto.subtle.unwrapKey('raw', grant.wrapped, kek, 'AES-KW', GCM, extractable, usages);
    return { kid: grant.kid, n: grant.n, key };
  } catch (error) {
    throw new WrongSecretError('This clinic key was not given to this clinician.', { cause: error });
  }
}

function privateParams(keyring: Pick<ClinicianKeyring, 'clinician'>, iv: Bytes): AesGcmParams {
  return { name: 'AES-GCM', iv, additionalData: encoder.encode(`resmo clinician|${keyring.clinician}`) };
}

async function clinicianKey(keyring: ClinicianKeyring, proof: Proof, extractable: boolean): Promise<CryptoKey> {
  const usages: KeyUsage[] = ['wrapKey', 'unwrapKey'];
  let kek: CryptoKey;
  let wrapped = keyring.wrapped;
  if ('passphrase' in proof) kek = await passphraseKek(proof.passphrase, keyring.kdf);
  else {
    const entropy = wordsToEntropy(proof.recovery);
    if (!entropy) throw new WrongSecretError('Those are not the recovery words.');
    kek = await recoveryKek(entropy, keyring.recovery.salt);
    entropy.fill(0);
    wrapped = keyring.recovery.wrapped;
  }
  try {
    return await crypto.subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', GCM, extractable, usages);
  } catch (error) {
    throw new WrongSecretError('The passphrase or recovery key does not open these records.', { cause: error });
  }
}

/** The clinician's private key (non-extractable), opened with their passphrase or recovery words. */
export async function openClinician(keyring: ClinicianKeyring, proof: Proof): Promise<CryptoKey> {
  const own = await clinicianKey(keyring, proof, false);
  const { iv, ct } = keyring.privateKey;
  return crypto.subtle.unwrapKey('pkcs8', ct, own, privateParams(keyring, iv), ECDH, false, ['deriveBits']);
}

/** Every data key given to this clinician, newest generation last. */
export async function openGrants(
  clinician: string,
  grants: readonly KeyGrant[],
  privateKey: CryptoKey,
  extractable = false,
): Promise<DataKey[]> {
  const mine = grants.filter((g) => g.clinician === clinician).sort((a, b) => a.n - b.n);
  return Promise.all(mine.map((g) => openGrant(g, privateKey, extractable)));
}

export interface NewClinician {
  keyring: ClinicianKeyring;
  /** Every data key given (the caller's), for the new clinician. */
  grants: KeyGrant[];
  /** Their twelve recovery words, shown once. */
  recovery: string;
}

/**
 * A clinician's keyring, made on a device that holds the clinic's data keys (extractable): their
 * own passphrase wraps their clinician key; every data key is given to them; the name is sealed
 * under the newest data key.
 */
export async function createClinician(
  name: string,
  passphrase: string,
  dataKeys: readonly DataKey[],
  options: { cost?: { m: number; t: number; p: number }; language?: RecoveryLanguage } = {},
): Promise<NewClinician> {
  const newest = dataKeys.reduce<DataKey | undefined>((a, k) => (a && a.n >= k.n ? a : k), undefined);
  if (!newest) throw new RangeError('No clinic key to give.');
  const clinician = crypto.randomUUID();
  const kdf = newKdfParams(options.cost);
  const entropy = randomBytes(16);
  const recoverySalt = randomBytes(16);
  const own = await crypto.subtle.generateKey(GCM, true, ['wrapKey', 'unwrapKey']);
  const pair = await crypto.subtle.generateKey(ECDH, true, ['deriveBits']);
  const wrapRaw = async (kek: CryptoKey) => new Uint8Array(await crypto.subtle.wrapKey('raw', own, kek, 'AES-KW'));
  const iv = randomBytes(12);
  const ct = new Uint8Array(
    await crypto.subtle.wrapKey('pkcs8', pair.privateKey, own, privateParams({ clinician }, iv)),
  );
  const keyring: ClinicianKeyring = {
    clinician,
    kdf,
    wrapped: await wrapRaw(await passphraseKek(passphrase, kdf)),
    recovery: { salt: recoverySalt, wrapped: await wrapRaw(await recoveryKek(entropy, recoverySalt)) },
    publicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKey: { iv, ct },
    name: { kid: newest.kid, ...(await sealValue(clinician, 'clinician', name, newest.key, newest.kid)) },
  };
  const grants = await Promise.all(dataKeys.map((k) => grantKey(k, keyring)));
  const recovery = entropyToWords(entropy, options.language ?? 'en');
  entropy.fill(0);
  return { keyring, grants, recovery };
}

/** A new passphrase re-wraps the clinician key only (proof: the current passphrase or the recovery words). */
export async function rewrapClinician(
  keyring: ClinicianKeyring,
  proof: Proof,
  next: string,
): Promise<ClinicianKeyring> {
  const own = await clinicianKey(keyring, proof, true);
  const kdf = newKdfParams({ m: keyring.kdf.m, t: keyring.kdf.t, p: keyring.kdf.p });
  const wrapped = new Uint8Array(await crypto.subtle.wrapKey('raw', own, await passphraseKek(next, kdf), 'AES-KW'));
  return { ...keyring, kdf, wrapped };
}

/** A fresh clinic data key for new records (extractable until it is wrapped for each clinician). */
export async function newDataKey(n: number): Promise<DataKey> {
  return { kid: crypto.randomUUID(), n, key: await crypto.subtle.generateKey(GCM, true, ['encrypt', 'decrypt']) };
}

/** The display name, for a device that holds the data key it was sealed under. */
export async function clinicianName(keyring: ClinicianKeyring, key: CryptoKey): Promise<string> {
  return String(await openValue(keyring.clinician, 'clinician', { ...keyring.name, v: 1 }, key));
}
