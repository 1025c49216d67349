/** Account and auth tables: accounts, one-time-password challenges, limits, sessions, addresses. */
export interface AccountsTable {
  id: string;
  /** Normalised `+91XXXXXXXXXX`; unique. */
  mobile: string;
  name: string | null;
  email: string | null;
  /** Self-describing KDF string (see password/password-hash.ts); null means no password, no 2-step. */
  password_hash: string | null;
  created_at: number;
  updated_at: number;
}

export interface OtpChallengesTable {
  id: string;
  mobile: string;
  /** Which flow the code belongs to; one live code per (mobile, flow, browser), so a resend replaces it. */
  flow: string;
  /** SHA-256 of the browser's device cookie: only the browser that asked may use the code, and another's request never replaces it. */
  device_hash: string;
  /** What the code proves (login, signup, reset, step-up, change-mobile); part of the keyed hash. */
  purpose: string;
  /** For step-up and change-mobile: the account that asked. */
  account_id: string | null;
  code_hash: string;
  attempts: number;
  created_at: number;
  expires_at: number;
  consumed_at: number | null;
}

/** Browsers that completed a login for a number: the number-wide caps never hold them up. */
export interface AuthKnownDevicesTable {
  mobile: string;
  device_hash: string;
  last_login_at: number;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's random id: a leaked table cannot be replayed as cookies. */
  id_hash: string;
  account_id: string;
  /** `full`, `second-factor` (OTP done, password pending) or `reset` (may only set a new password). */
  kind: string;
  created_at: number;
  last_seen_at: number;
  /** When the person last proved who they are (login or step-up). */
  authenticated_at: number;
  /** Absolute end of the session. */
  expires_at: number;
}

export interface AddressesTable {
  id: string;
  account_id: string;
  name: string;
  phone: string;
  pin: string;
  line1: string;
  line2: string | null;
  landmark: string | null;
  city: string;
  state: string;
  type: string;
  is_default: number;
  created_at: number;
  updated_at: number;
}

export interface AuthTables {
  accounts: AccountsTable;
  otp_challenges: OtpChallengesTable;
  auth_known_devices: AuthKnownDevicesTable;
  sessions: SessionsTable;
  addresses: AddressesTable;
}
