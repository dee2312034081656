import { paths } from '@/lib/paths';
import { createQueryClient, queryRoots } from '@/lib/query-client';
import { renderRoute } from '@/test/render-route';
import { SettingsRoute } from '../routes/settings-route';

/** The settings screen, with a cached session list that signing out must forget. */
export function renderSettings() {
  const queryClient = createQueryClient({ retry: false });
  queryClient.setQueryData([...queryRoots.sessions, 'list'], [{ id: 'session-1' }]);
  return renderRoute(<SettingsRoute />, { path: paths.settings.path, queryClient });
}
