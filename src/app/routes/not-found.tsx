import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
import { paths } from '@/lib/paths';

export function NotFoundRoute() {
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-6">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p>This page does not exist.</p>
      <Link to={paths.dashboard.getHref()} className={buttonClasses('primary')}>
        Back to today
      </Link>
    </main>
  );
}
