import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
import { useSession } from '@/lib/auth-client';
import { paths } from '@/lib/paths';
import { isAdmin } from '@/lib/roles';
import { ChangePasswordForm } from '../components/change-password-form';
import { DeleteAccountSection } from '../components/delete-account-section';
import { ExportButtons } from '../components/export-buttons';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className="flex flex-col gap-4 rounded-2xl border border-slate-200 p-4 dark:border-slate-700"
    >
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function SettingsRoute() {
  const session = useSession();
  const admin = isAdmin(session);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">Settings</h1>
      {session?.user.email ? (
        <p className="break-all text-slate-700 dark:text-slate-200">
          Signed in as {session.user.email}
        </p>
      ) : null}
      <Section title="Export your data">
        <p>Every session you logged, as a JSON file or a spreadsheet-ready CSV file.</p>
        <ExportButtons />
      </Section>
      <Section title="Change password">
        <ChangePasswordForm />
      </Section>
      {admin ? (
        <Section title="Admin">
          <Link to={paths.admin.getHref()} className={buttonClasses('secondary', 'w-full')}>
            Open the admin screen
          </Link>
        </Section>
      ) : null}
      <Section title="Delete account">
        <DeleteAccountSection />
      </Section>
    </div>
  );
}
