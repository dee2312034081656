import { Link } from 'react-router';
import { buttonClasses } from '@/components/ui/button-classes';
import { paths } from '@/lib/paths';

/** The two ways to add a session; `first` is the style of "Plan a session". */
export function PlanOrLogLinks({ first = 'secondary' }: { first?: 'primary' | 'secondary' }) {
  return (
    <>
      <Link to={paths.newSession.getHref('plan')} className={buttonClasses(first)}>
        Plan a session
      </Link>
      <Link to={paths.newSession.getHref('log')} className={buttonClasses('secondary')}>
        Log a past session
      </Link>
    </>
  );
}
