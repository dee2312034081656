// Every error the SPA can meet — Supabase Auth, PostgREST, the Edge Functions, the network —
// becomes one human sentence here. The raw error goes to the console, never to the screen.
import { PASSWORD_MIN_LENGTH } from '@shared/auth-rules';
import {
  ONE_ACTIVE_SESSION_MESSAGE,
  SESSION_RULE_MESSAGES,
  type SessionRule,
} from '@shared/session-rule-messages';

interface CodedError {
  name?: string;
  message?: string;
  code?: string;
  status?: number;
  hint?: string | null;
  details?: unknown;
}

const OFFLINE = 'You seem to be offline. Check your connection and try again.';

const AUTH_MESSAGES: Record<string, string> = {
  invalid_credentials: 'Wrong email or password.',
  user_already_exists: 'An account with this email already exists. Sign in instead.',
  email_exists: 'An account with this email already exists. Sign in instead.',
  weak_password: `Choose a stronger password: at least ${PASSWORD_MIN_LENGTH} characters.`,
  email_address_invalid: 'That email address does not look right.',
  validation_failed: 'Check the email and password and try again.',
  over_request_rate_limit: 'Too many attempts. Wait a minute and try again.',
  over_email_send_rate_limit: 'Too many emails sent. Wait a few minutes and try again.',
  same_password: 'Choose a password different from your current one.',
  session_not_found: 'Your session has ended. Sign in again.',
  user_not_found: 'Your session has ended. Sign in again.',
  bad_jwt: 'Your session has ended. Sign in again.',
  otp_expired: 'This link has expired. Ask for a new one.',
};

const DATABASE_MESSAGES: Record<string, string> = {
  idx_one_active_session: `${ONE_ACTIVE_SESSION_MESSAGE} Finish or delete it before adding another.`,
  session_immutable:
    'Completed and failed sessions are part of your history and cannot be changed.',
  session_ai_fields_reserved: 'Only the coach can mark a session as planned by the coach.',
  session_identity_immutable: 'A session cannot move to another account.',
  // Postgres names an inline column check <table>_<column>_check.
  sessions_rpe_check: 'RPE is a whole number from 1 to 10.',
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].map((n) => [`sessions_set_${n}_check`, 'A set has 1 to 60 reps (or none).']),
  ),
};

const FUNCTION_MESSAGES: Record<string, string> = {
  unauthorized: 'Your session has ended. Sign in again.',
  payload_too_large: 'That is more data than the app accepts.',
};

function isNetworkError(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  const e = error as CodedError;
  return (
    e?.name === 'AuthRetryableFetchError' ||
    (e instanceof TypeError && /fetch|network|load failed/i.test(e.message)) ||
    (typeof e?.message === 'string' && /Failed to fetch|NetworkError|Load failed/.test(e.message))
  );
}

function ruleMessage(text: string): string | undefined {
  for (const rule of Object.keys(SESSION_RULE_MESSAGES) as SessionRule[]) {
    if (text.includes(rule)) return SESSION_RULE_MESSAGES[rule];
  }
  for (const [name, message] of Object.entries(DATABASE_MESSAGES)) {
    if (text.includes(name)) return message;
  }
  return undefined;
}

export function describeError(error: unknown): string {
  if (isNetworkError(error)) return OFFLINE;
  const e = (error ?? {}) as CodedError;
  if (e.name === 'FunctionError') {
    return (e.code && FUNCTION_MESSAGES[e.code]) || e.message || 'The request failed.';
  }
  if (typeof e.name === 'string' && e.name.startsWith('Auth')) {
    if (e.code && AUTH_MESSAGES[e.code]) return AUTH_MESSAGES[e.code]!;
    if (e.status === 422 && /password/i.test(e.message ?? '')) return AUTH_MESSAGES.weak_password!;
    return e.message || 'Signing in failed. Please try again.';
  }
  // PostgREST: rule names travel in the hint (triggers) or the message (constraints).
  const fromRule = ruleMessage(`${e.hint ?? ''} ${e.message ?? ''}`);
  if (fromRule) return fromRule;
  if (e.code === 'PGRST116') return 'That session does not exist or is not yours.';
  if (e.code === '42501') return 'You are not allowed to do that.';
  if (e.code === 'PGRST301' || e.code === 'PGRST303') return AUTH_MESSAGES.session_not_found!;
  return 'Something went wrong. Please try again.';
}

/** Logs the raw error for developers and returns the sentence for the athlete. */
export function reportError(error: unknown): string {
  console.error(error);
  return describeError(error);
}
