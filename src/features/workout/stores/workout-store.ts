// The running workout and the timer settings: client state that must outlive the screen,
// a reload and a lost connection. Every change the server has not confirmed yet waits in
// `pending`, merged into one patch, so nothing entered is ever lost.
import { z } from 'zod/mini';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { MAX_REPS_PER_SET, SET_COUNT, setsToColumns, type Sets } from '@shared/session-model';
import { rpeSchema, sessionPatchSchema, type SessionPatch } from '@shared/column-rules';

export const DEFAULT_REST_SECONDS = 120;
export const MIN_REST_SECONDS = 15;
export const MAX_REST_SECONDS = 600;
export const REST_STEP_SECONDS = 15;

/**
 * The rest a plan calls for, from its hardest set: a few near-maximal reps are strength work
 * and need minutes to recover; many reps per set are endurance work and need less.
 */
export function planRestSeconds(targets: Sets): number {
  const hardest = Math.max(...targets);
  if (hardest <= 5) return 180;
  if (hardest <= 10) return DEFAULT_REST_SECONDS;
  return 90;
}

const reps = z.number().check(z.int(), z.minimum(0), z.maximum(MAX_REPS_PER_SET));
const setsSchema = z.tuple([reps, reps, reps, reps, reps]);

const workoutSchema = z.object({
  sessionId: z.string().check(z.minLength(1)),
  /** The plan: the database overwrites set_n with the reps done, so the targets live here. */
  targets: setsSchema,
  /** Reps recorded per set (0 = none, stored as null). */
  done: setsSchema,
  /** The set being done, or during rest the next one. */
  setIndex: z.number().check(z.int(), z.minimum(0), z.maximum(SET_COUNT - 1)),
  /** The stepper's value for the current set. */
  draft: reps,
  phase: z.enum(['set', 'rest', 'rpe', 'finished']),
  /** Epoch ms: a reload resumes the countdown where it really is. */
  restEndsAt: z.nullable(z.number()),
  rpe: z.nullable(rpeSchema),
  outcome: z.nullable(z.enum(['completed', 'failed'])),
  pending: sessionPatchSchema,
});

export type Workout = z.infer<typeof workoutSchema>;
export type WorkoutPhase = Workout['phase'];
export type WorkoutOutcome = NonNullable<Workout['outcome']>;

const restSecondsSchema = z
  .number()
  .check(z.int(), z.minimum(MIN_REST_SECONDS), z.maximum(MAX_REST_SECONDS));

interface WorkoutState {
  workout: Workout | null;
  restSeconds: number;
  /** Starts a planned session: status in_progress, dated now. */
  begin: (sessionId: string, targets: Sets, startedAt: Date) => void;
  /** Picks up a session already in progress that this phone has no record of. */
  adopt: (sessionId: string, sets: Sets) => void;
  setDraft: (reps: number) => void;
  /** Fixes a set already done (a typo): allowed until the session is finished. */
  correctSet: (index: number, reps: number) => void;
  /** Records the current set and starts the rest (or asks for the RPE after the last set). */
  completeSet: (now: number) => void;
  extendRest: (seconds: number, now: number) => void;
  endRest: () => void;
  setRpe: (rpe: number | null) => void;
  finish: (outcome: WorkoutOutcome) => void;
  /** The server stored `sent`: drop the pending fields that have not changed since. */
  markSynced: (sessionId: string, sent: SessionPatch) => void;
  setRestSeconds: (seconds: number) => void;
  discard: () => void;
}

const zeroSets = (): Sets => [0, 0, 0, 0, 0];
const setKey = (index: number) => `set_${index + 1}` as 'set_1';

/** A workout at its first set, nothing done yet; `pending` is what the server still needs. */
export function freshWorkout(sessionId: string, targets: Sets, pending: SessionPatch): Workout {
  return {
    sessionId,
    targets,
    done: zeroSets(),
    setIndex: 0,
    draft: targets[0],
    phase: 'set',
    restEndsAt: null,
    rpe: null,
    outcome: null,
    pending,
  };
}

export const initialWorkoutState = { workout: null, restSeconds: DEFAULT_REST_SECONDS };

export const useWorkoutStore = create<WorkoutState>()(
  persist(
    (set, get) => {
      const update = (change: (workout: Workout) => Partial<Workout>) => {
        const workout = get().workout;
        if (workout) set({ workout: { ...workout, ...change(workout) } });
      };
      return {
        ...initialWorkoutState,
        begin: (sessionId, targets, startedAt) =>
          set({
            workout: freshWorkout(sessionId, targets, {
              status: 'in_progress',
              session_date: startedAt.toISOString(),
            }),
          }),
        adopt: (sessionId, sets) => set({ workout: freshWorkout(sessionId, sets, {}) }),
        setDraft: (value) => update(() => ({ draft: value })),
        correctSet: (index, value) =>
          update((workout) => {
            const doneCount = workout.phase === 'rpe' ? SET_COUNT : workout.setIndex;
            if (workout.phase === 'finished' || index < 0 || index >= doneCount) return {};
            const done = [...workout.done] as Sets;
            done[index] = value;
            return {
              done,
              pending: { ...workout.pending, [setKey(index)]: value > 0 ? value : null },
            };
          }),
        completeSet: (now) =>
          update((workout) => {
            const index = workout.setIndex;
            const done = [...workout.done] as Sets;
            done[index] = workout.draft;
            const pending = {
              ...workout.pending,
              [setKey(index)]: workout.draft > 0 ? workout.draft : null,
            };
            if (index >= SET_COUNT - 1) return { done, pending, phase: 'rpe', restEndsAt: null };
            const next = index + 1;
            return {
              done,
              pending,
              phase: 'rest',
              setIndex: next,
              draft: workout.targets[next] ?? 0,
              restEndsAt: now + get().restSeconds * 1000,
            };
          }),
        extendRest: (seconds, now) =>
          update((workout) => ({
            restEndsAt: Math.max(workout.restEndsAt ?? now, now) + seconds * 1000,
          })),
        endRest: () => update(() => ({ phase: 'set', restEndsAt: null })),
        setRpe: (rpe) => update(() => ({ rpe })),
        finish: (outcome) =>
          update((workout) => ({
            phase: 'finished',
            outcome,
            restEndsAt: null,
            rpe: outcome === 'completed' ? workout.rpe : null,
            // All five sets: a set never done must not keep its planned target.
            pending: {
              ...workout.pending,
              ...setsToColumns(workout.done),
              status: outcome,
              rpe: outcome === 'completed' ? workout.rpe : null,
            },
          })),
        markSynced: (sessionId, sent) =>
          update((workout) => {
            if (workout.sessionId !== sessionId) return {};
            const pending: Record<string, unknown> = { ...workout.pending };
            for (const [key, value] of Object.entries(sent)) {
              if (pending[key] === value) delete pending[key];
            }
            return { pending: pending as SessionPatch };
          }),
        setRestSeconds: (seconds) =>
          set({
            restSeconds: Math.min(
              MAX_REST_SECONDS,
              Math.max(MIN_REST_SECONDS, Math.round(seconds)),
            ),
          }),
        discard: () => set({ workout: null }),
      };
    },
    {
      name: 'pullup-tracker.workout',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (state) => ({ workout: state.workout, restSeconds: state.restSeconds }),
      // localStorage is outside our control: keep only what still parses.
      merge: (persisted, current) => {
        const stored = (persisted ?? {}) as { workout?: unknown; restSeconds?: unknown };
        const workout = z.nullable(workoutSchema).safeParse(stored.workout ?? null);
        const restSeconds = restSecondsSchema.safeParse(stored.restSeconds);
        return {
          ...current,
          workout: workout.success ? workout.data : current.workout,
          restSeconds: restSeconds.success ? restSeconds.data : current.restSeconds,
        };
      },
    },
  ),
);

export function hasPendingChanges(workout: Workout | null): boolean {
  return !!workout && Object.keys(workout.pending).length > 0;
}
