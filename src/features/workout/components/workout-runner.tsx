import { useEffect, useRef, useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Stepper } from '@/components/ui/stepper';
import { SESSION_RULE_MESSAGES } from '@shared/session-rules';
import { SET_COUNT, totalReps } from '@shared/session-model';
import { useWorkoutStore, type Workout } from '../stores/workout-store';
import { AllSetsEditor } from './all-sets-editor';
import { FinishEarlyButton } from './finish-early-button';
import { RestLengthSetting } from './rest-length-setting';
import { primeRestSignal } from '../lib/rest-signal';
import { askForRestAlerts } from '../lib/rest-alert';
import { RestTimer } from './rest-timer';
import { RpePicker } from '@/components/rpe-picker';
import { SetHistoryLine } from './own-numbers';
import { useOwnNumbers } from '../lib/use-own-numbers';
import { SetCorrection } from './set-correction';
import { SetsProgress } from './sets-progress';

/** Sets recorded so far: during rest and after the last set, setIndex already moved on. */
function setsDoneCount(workout: Workout): number {
  if (workout.phase === 'rpe' || workout.phase === 'finished') return SET_COUNT;
  return workout.setIndex;
}

/** The workout itself: one set at a time, rest between sets, then the RPE and the finish. */
export function WorkoutRunner({ workout }: { workout: Workout }) {
  const setDraft = useWorkoutStore((s) => s.setDraft);
  const completeSet = useWorkoutStore((s) => s.completeSet);
  const extendRest = useWorkoutStore((s) => s.extendRest);
  const endRest = useWorkoutStore((s) => s.endRest);
  const setRpe = useWorkoutStore((s) => s.setRpe);
  const finish = useWorkoutStore((s) => s.finish);
  const restSeconds = useWorkoutStore((s) => s.restSeconds);
  const correctSet = useWorkoutStore((s) => s.correctSet);
  const [correcting, setCorrecting] = useState<number | null>(null);
  const numbers = useOwnNumbers(workout.sessionId);

  // Each step gets its heading focused, so a screen reader says where the workout is.
  const heading = useRef<HTMLHeadingElement>(null);
  const step = `${workout.phase}-${workout.setIndex}`;
  const firstStep = useRef(step);
  useEffect(() => {
    if (step !== firstStep.current) heading.current?.focus();
  }, [step]);

  const doneCount = setsDoneCount(workout);
  const total = totalReps(workout.done);
  const hasReps = workout.done.some((reps) => reps > 0);
  const target = workout.targets[workout.setIndex] ?? 0;
  const setsProgress = (
    <>
      <SetsProgress
        targets={workout.targets}
        done={workout.done}
        doneCount={doneCount}
        onCorrect={setCorrecting}
      />
      {correcting !== null && correcting < doneCount ? (
        <SetCorrection
          key={correcting}
          index={correcting}
          reps={workout.done[correcting] ?? 0}
          onCancel={() => setCorrecting(null)}
          onSave={(reps) => {
            correctSet(correcting, reps);
            setCorrecting(null);
          }}
        />
      ) : null}
    </>
  );
  const finishEarly = (
    <FinishEarlyButton totalDone={total} setsDone={doneCount} onConfirm={() => finish('failed')} />
  );

  if (workout.phase === 'rest') {
    return (
      <section className="flex flex-col gap-6">
        <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold">
          Rest
        </h1>
        <RestTimer
          endsAt={workout.restEndsAt ?? 0}
          totalSeconds={restSeconds}
          next={`Set ${workout.setIndex + 1} of ${SET_COUNT}: target ${target} reps`}
          onAddTime={() => extendRest(15, Date.now())}
          onOver={endRest}
        />
        <p className="text-center text-lg">
          Next: set {workout.setIndex + 1} of {SET_COUNT}, target {target} reps
        </p>
        <SetHistoryLine numbers={numbers} index={workout.setIndex} className="text-center" />
        {setsProgress}
        {finishEarly}
      </section>
    );
  }

  if (workout.phase === 'rpe') {
    return (
      <section className="flex flex-col gap-6">
        <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold">
          All {SET_COUNT} sets done
        </h1>
        <AllSetsEditor targets={workout.targets} done={workout.done} onChange={correctSet} />
        {hasReps ? (
          <>
            <RpePicker
              value={workout.rpe}
              onChange={setRpe}
              legend="How hard was it? RPE 1–10 (optional)"
              hint="1 = very easy, 10 = nothing left."
              clear="tap-again"
            />
            <Button className="min-h-16 w-full text-xl" onClick={() => finish('completed')}>
              Finish: completed
            </Button>
            {finishEarly}
          </>
        ) : (
          <>
            <Alert tone="warning" title="No reps recorded">
              {SESSION_RULE_MESSAGES.sessions_completed_has_reps} You can save it as failed.
            </Alert>
            <Button className="min-h-16 w-full text-xl" onClick={() => finish('failed')}>
              Finish: failed
            </Button>
          </>
        )}
      </section>
    );
  }

  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 ref={heading} tabIndex={-1} className="text-3xl font-bold">
          Set {workout.setIndex + 1} of {SET_COUNT}
        </h1>
        <p className="mt-1 text-lg">
          Target: <strong className="tabular-nums">{target}</strong> reps
        </p>
        <SetHistoryLine numbers={numbers} index={workout.setIndex} />
      </div>
      <Stepper
        size="large"
        label="Reps done"
        hint={`Target ${target}`}
        value={workout.draft}
        onChange={setDraft}
      />
      <Button
        className="min-h-16 w-full text-xl"
        onClick={() => {
          primeRestSignal();
          // The first rest is when "tell me when it is over" makes sense to ask.
          if (workout.setIndex < SET_COUNT - 1) askForRestAlerts();
          completeSet(Date.now());
        }}
      >
        Done
      </Button>
      {setsProgress}
      {workout.setIndex < SET_COUNT - 1 ? <RestLengthSetting /> : null}
      {finishEarly}
    </section>
  );
}
