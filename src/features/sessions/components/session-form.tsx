// The session form (new and edit): date, five sets, status by the date rule, optional RPE,
// the one-active-session block and the rest / same-day warnings before saving.
import { ChoiceTile } from '@/components/ui/choice-tile';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Stepper } from '@/components/ui/stepper';
import { TextField } from '@/components/ui/text-field';
import type { SessionRow } from '@/lib/db';
import { describeError } from '@/lib/errors';
import { paths } from '@/lib/paths';
import { sessionQueries, warningWindowStart, type ActiveSession } from '@/lib/session-queries';
import { trackEvent } from '@/lib/track-event';
import { calendarDay } from '@shared/calendar-days';
import { MAX_REPS_PER_SET, totalReps, type SessionRecord } from '@shared/session-model';
import { restWarning, sameDayWarning, type RestWarning } from '@shared/rest-rules';
import { formatSessionDate } from '../lib/format-session-date';
import { RpePicker } from '@/components/rpe-picker';
import {
  maxPlannableDay,
  needsRestCheck,
  sessionInstant,
  STATUS_LABELS,
  statusOptions,
  toColumns,
  sessionFormErrors,
  withDay,
  type ExistingSession,
  type SessionFormState,
} from '../lib/session-form-model';

export type SessionColumns = ReturnType<typeof toColumns>;

interface Warnings {
  rest: RestWarning | null;
  sameDay: SessionRecord[] | null;
  plannedDate: string;
}

export interface SessionFormProps {
  initial: SessionFormState;
  timeZone: string;
  /** The stored session when editing (with its id); absent for a new one. */
  existing?: ExistingSession & { id: string };
  submitLabel: string;
  save: (columns: SessionColumns) => Promise<SessionRow>;
  onSaved: (session: SessionRow) => void;
}

/** "Only 14 hours since…", but never "Only less than an hour" (or "1 hours"). */
function restSince(hours: number): string {
  if (hours < 1) return 'Less than an hour since your last session.';
  const whole = Math.floor(hours);
  return `Only ${whole} ${whole === 1 ? 'hour' : 'hours'} since your last session.`;
}

export function SessionForm({
  initial,
  timeZone,
  existing,
  submitLabel,
  save,
  onSaved,
}: SessionFormProps) {
  const queryClient = useQueryClient();
  const [renderNow] = useState(() => new Date());
  const [state, setState] = useState<SessionFormState>(initial);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [blockedBy, setBlockedBy] = useState<ActiveSession | null>(null);
  const [warnings, setWarnings] = useState<Warnings | null>(null);
  const active = useQuery({ ...sessionQueries.active(), enabled: !existing });

  const errors = submitted ? sessionFormErrors(state, renderNow, timeZone, existing) : {};
  const hasErrors = Object.keys(errors).length > 0;
  const options = statusOptions(state.day, renderNow, timeZone, existing);
  const activeOther =
    !existing && state.status === 'planned' ? (blockedBy ?? active.data ?? null) : null;

  const update = (next: SessionFormState) => {
    setState(next);
    // A changed form is a new question: old warnings and failures no longer apply.
    setWarnings(null);
    setSaveError(null);
  };

  async function commit(now: Date, overridden: Warnings | null) {
    setSaving(true);
    setSaveError(null);
    try {
      const session = await save(toColumns(state, now, timeZone, existing));
      if (overridden?.rest?.lastSessionId) {
        trackEvent({
          event_type: 'rest_period_warning_ignored',
          event_data: {
            hours_since_last: overridden.rest.hoursSinceLast,
            last_session_id: overridden.rest.lastSessionId,
            context: 'session_form',
            planned_date: overridden.plannedDate,
            session_id: session.id,
          },
        });
      }
      onSaved(session);
    } catch (error) {
      setSaveError(describeError(error));
    } finally {
      setSaving(false);
    }
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    const now = new Date();
    if (Object.keys(sessionFormErrors(state, now, timeZone, existing)).length > 0) return;

    if (!existing && state.status === 'planned') {
      setSaving(true);
      const current = await queryClient.fetchQuery(sessionQueries.active()).catch(() => null);
      setSaving(false);
      if (current) {
        setBlockedBy(current);
        return;
      }
    }

    const changed =
      !existing ||
      existing.status !== state.status ||
      calendarDay(new Date(existing.session_date), timeZone) !== state.day;
    if (changed && needsRestCheck(state, now, timeZone)) {
      setSaving(true);
      const plannedDate = sessionInstant(state.day, now, timeZone);
      // Warnings are advice: without the history they are skipped, the save is not blocked.
      const history = await queryClient
        .fetchQuery(sessionQueries.finishedSince(warningWindowStart(plannedDate)))
        .catch(() => [] as SessionRecord[]);
      setSaving(false);
      const others = history.filter((session) => session.id !== existing?.id);
      const found: Warnings = {
        rest: restWarning(others, plannedDate),
        sameDay: sameDayWarning(others, state.day, timeZone)?.sessions ?? null,
        plannedDate: plannedDate.toISOString(),
      };
      if (found.rest || found.sameDay) {
        setWarnings(found);
        if (found.rest?.lastSessionId) {
          trackEvent({
            event_type: 'rest_period_warning_shown',
            event_data: {
              hours_since_last: found.rest.hoursSinceLast,
              last_session_id: found.rest.lastSessionId,
              context: 'session_form',
              planned_date: found.plannedDate,
            },
          });
        }
        return;
      }
    }
    await commit(now, null);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6">
      <TextField
        label="Date"
        type="date"
        value={state.day}
        max={maxPlannableDay(renderNow, timeZone)}
        error={errors.session_date}
        onChange={(event) =>
          update(withDay(state, event.target.value, renderNow, timeZone, existing))
        }
      />

      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Status</legend>
        <div className="flex flex-wrap gap-2">
          {options.map((status) => (
            <ChoiceTile
              key={status}
              type="radio"
              name="status"
              value={status}
              checked={state.status === status}
              onChange={() =>
                update({ ...state, status, rpe: status === 'completed' ? state.rpe : null })
              }
              className="flex-1 px-4"
            >
              {STATUS_LABELS[status]}
            </ChoiceTile>
          ))}
        </div>
        {errors.status ? (
          <p className="text-sm font-semibold text-red-800 dark:text-red-300">{errors.status}</p>
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-3">
        <legend className="font-semibold">Sets</legend>
        <p className="text-sm text-slate-600 dark:text-slate-300">Reps per set; 0 = not done.</p>
        {state.sets.map((reps, index) => (
          <Stepper
            key={index}
            size="large"
            label={`Set ${index + 1}`}
            value={reps}
            min={0}
            max={MAX_REPS_PER_SET}
            onChange={(value) => {
              const sets = [...state.sets] as SessionFormState['sets'];
              sets[index] = value;
              update({ ...state, sets });
            }}
          />
        ))}
        <p className="text-lg">
          Total <span className="font-bold tabular-nums">{totalReps(state.sets)}</span>
        </p>
        {errors.sets ? (
          <p className="text-sm font-semibold text-red-800 dark:text-red-300">{errors.sets}</p>
        ) : null}
      </fieldset>

      {state.status === 'completed' ? (
        <RpePicker
          value={state.rpe}
          onChange={(rpe) => update({ ...state, rpe })}
          legend="Effort (RPE)"
          hint="Optional: 1 = very easy, 10 = nothing left."
          clear="button"
          error={errors.rpe}
        />
      ) : null}

      {hasErrors ? <Alert tone="error">Please fix the marked fields.</Alert> : null}

      {activeOther ? (
        <Alert tone="warning" title="You already have an active session">
          <p>
            Only one planned or in-progress session at a time (
            {STATUS_LABELS[activeOther.status].toLowerCase()},{' '}
            {formatSessionDate(activeOther.session_date, timeZone)}). Finish or delete it first.
          </p>
          <Link
            to={paths.session.getHref(activeOther.id)}
            className="mt-2 inline-flex min-h-12 items-center font-semibold underline"
          >
            Open your active session
          </Link>
        </Alert>
      ) : null}

      {warnings ? (
        <Alert tone="warning" title="Before you save">
          <ul className="flex list-disc flex-col gap-1 pl-5">
            {warnings.rest ? (
              <li>
                {restSince(warnings.rest.hoursSinceLast)} Muscles grow while you rest: 24 hours
                between sessions is recommended.
              </li>
            ) : null}
            {warnings.sameDay ? (
              <li>You already trained on this day. This would be a second session.</li>
            ) : null}
          </ul>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row">
            <Button
              variant="primary"
              busy={saving}
              onClick={() => void commit(new Date(), warnings)}
            >
              Save anyway
            </Button>
            <Button variant="secondary" disabled={saving} onClick={() => setWarnings(null)}>
              Change something
            </Button>
          </div>
        </Alert>
      ) : null}

      {saveError ? <Alert tone="error">{saveError}</Alert> : null}

      {warnings ? null : (
        <Button type="submit" busy={saving} disabled={Boolean(activeOther)}>
          {submitLabel}
        </Button>
      )}
    </form>
  );
}
