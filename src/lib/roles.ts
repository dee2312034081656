import type { Session } from '@supabase/auth-js';

/** Admins carry role "admin" in app_metadata (set by the service role, never by the user). */
export function isAdmin(session: Session | null | undefined): boolean {
  return session?.user.app_metadata?.role === 'admin';
}
