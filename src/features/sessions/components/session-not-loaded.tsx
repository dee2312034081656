import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button-classes';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';

/** A session screen whose session could not be read (gone, not theirs, offline). */
export function SessionNotLoaded({ title, error }: { title: string; error: unknown }) {
  return (
    <section className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <Alert tone="error">{describeError(error)}</Alert>
      <Link to={paths.history.getHref()} className={buttonClasses('secondary')}>
        Go to history
      </Link>
    </section>
  );
}
