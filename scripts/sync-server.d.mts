export const VALIDATE_DOC_UPDATE: string;

export interface SyncServer {
  origin: string;
  /** The clinic database, e.g. http://127.0.0.1:5984/resmo. */
  url: string;
  /** "name:password" of the server admin. */
  admin: string;
  /** [name, password] of the clinician account, a member of the clinic database. */
  clinician: [string, string];
  data: string;
  pid: number | undefined;
  close(): Promise<void>;
}

export function startSyncServer(options: {
  port: number;
  dir?: string;
  admin?: string;
  clinician?: [string, string];
}): Promise<SyncServer>;

export function setUpClinicDatabase(origin: string, database: string, admin: string, members: string[]): Promise<void>;

export function putAccount(origin: string, admin: string, name: string, password: string): Promise<void>;
