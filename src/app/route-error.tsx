import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button-classes';
import { reportError } from '@/lib/errors';
import { paths } from '@/lib/paths';

/** The error boundary of every route: a sentence and a way back, never a stack trace. */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const message = notFound ? 'This page does not exist.' : reportError(error);
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-6">
      <h1 className="text-2xl font-bold">{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <Alert tone="error">{message}</Alert>
      <Link to={paths.dashboard.getHref()} className={buttonClasses('primary')}>
        Back to today
      </Link>
    </main>
  );
}
