import { Alert } from '@/components/ui/alert';
import { newRecordMessage, newRecordsSetBy } from '@/lib/progress-records';
import { athleteTimeZone } from '@/lib/time-zone';
import { useQuery } from '@tanstack/react-query';
import { sessionQueries } from '@/lib/session-queries';

/** "New record: best set 12!" when the saved session beat a personal record; otherwise nothing. */
export function NewRecords({ sessionId }: { sessionId: string }) {
  const sessions = useQuery({
    ...sessionQueries.finished(),
    // Asked right after the save: an answer from before it would miss the new session.
    staleTime: 0,
  });
  // A bonus, not the point of the screen: while loading or on an error it simply stays away.
  if (!sessions.data) return null;
  const records = newRecordsSetBy(sessionId, sessions.data, athleteTimeZone());
  if (records.length === 0) return null;
  return (
    <Alert tone="success">
      {records.map((record) => (
        <p key={record.kind} className="text-lg font-semibold">
          {newRecordMessage(record)}
        </p>
      ))}
    </Alert>
  );
}
