import { NavLink, Outlet } from 'react-router';
import { OfflineBanner } from '@/components/ui/offline-banner';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { useSession } from '@/lib/auth-client';
import { paths } from '@/lib/paths';
import { isAdmin } from '@/lib/roles';

const navLink = ({ isActive }: { isActive: boolean }) =>
  `flex min-h-12 flex-1 items-center justify-center rounded-xl px-1 text-sm font-semibold sm:text-base ${
    isActive
      ? 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-50'
      : 'text-slate-800 dark:text-slate-100'
  }`;

/** Signed-in shell: a header, the page, and a bottom navigation within thumb reach. */
export function AppLayout() {
  const admin = isAdmin(useSession());
  return (
    <div className="mx-auto flex min-h-dvh max-w-xl flex-col">
      <header className="flex items-center justify-between gap-3 px-4 pt-4">
        <p className="text-lg font-bold">Pull-Up Tracker</p>
        <SignOutButton />
      </header>
      <OfflineBanner />
      <main id="main" className="flex-1 px-4 pt-4 pb-28">
        <Outlet />
      </main>
      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 border-t border-slate-200 bg-white/95 px-3 pt-2 pb-[max(0.5rem,env(safe-area-inset-bottom))] dark:border-slate-700 dark:bg-slate-950/95"
      >
        <div className="mx-auto flex max-w-xl gap-2">
          <NavLink to={paths.dashboard.getHref()} end className={navLink}>
            Today
          </NavLink>
          <NavLink to={paths.history.getHref()} className={navLink}>
            History
          </NavLink>
          <NavLink to={paths.progress.getHref()} className={navLink}>
            Progress
          </NavLink>
          <NavLink to={paths.settings.getHref()} className={navLink}>
            Settings
          </NavLink>
          {admin ? (
            <NavLink to={paths.admin.getHref()} className={navLink}>
              Admin
            </NavLink>
          ) : null}
        </div>
      </nav>
    </div>
  );
}
