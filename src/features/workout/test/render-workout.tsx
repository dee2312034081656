import { paths } from '@/lib/paths';
import { renderRoutes } from '@/test/render-route';
import { WorkoutRoute } from '../routes/workout-route';
import { initialWorkoutState, useWorkoutStore } from '../stores/workout-store';

export function renderWorkout(id: string) {
  return renderRoutes(
    [
      { path: paths.workout.path, element: <WorkoutRoute /> },
      { path: paths.dashboard.path, element: <h1>Today</h1> },
      { path: paths.session.path, element: <h1>Session detail</h1> },
    ],
    paths.workout.getHref(id),
  );
}

/** What a reload does to the store: memory gone, localStorage read back (and validated). */
export async function reloadStore() {
  const key = useWorkoutStore.persist.getOptions().name ?? '';
  const saved = localStorage.getItem(key);
  useWorkoutStore.setState(initialWorkoutState);
  if (saved === null) localStorage.removeItem(key);
  else localStorage.setItem(key, saved);
  await useWorkoutStore.persist.rehydrate();
}

export function resetWorkoutStore() {
  useWorkoutStore.setState(initialWorkoutState);
  localStorage.clear();
}
