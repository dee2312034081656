// `npm run bench:coach [-- --model=base|harsh|kind]`: simulated athletes follow the rule-based
// coach for 16 weeks at 2, 3 and 4 sessions a week, side by side with two fixed programs, and
// the table shows how each fares. Deterministic: every random draw comes from a seeded generator,
// and the three programs of one athlete and frequency see the same draws (same days, same form).
//
// The athlete model (a deliberately simple fitness–fatigue model, after Banister's):
//  - capacity: a fresh one-set max M (real-valued). Fatigue lowers it: effective max
//    E = M × (1 − A − C) × form, with acute fatigue A (half-life 1.5 days), chronic fatigue C
//    (half-life 12 days) and a day's form ~ N(1, σ_form).
//  - within a session each set costs the next ones: set j can reach
//    cap_j = E − SET_DROP × Σ_{i<j} reps_i × (0.3 + 1.7 × (reps_i / cap_i)³): easy sets drain
//    little, sets to failure a lot. Fresh, with max 10: to failure 10-8-6-6-5 (reps decline
//    set to set), five equal sets of 7 are done, of 8 fail; with max 15, 5 × 10 is done.
//  - a set planned above ⌊cap_j⌋ fails at ⌊cap_j⌋ reps: the athlete stops at capacity, so a
//    failed set still counts the reps done, all near-maximal. The session is then `failed`
//    with the reps done (later sets are tried as planned, capped the same way).
//  - RPE (completed sessions) = 10 − the fewest reps left in reserve over the five sets, plus a
//    uniform error of ±RPE_NOISE (people misjudge reps in reserve by about a rep, Hackett 2017),
//    rounded and clamped to 5..10.
//  - training effect: "effective reps" S = Σ reps_j × w_j, where a set with up to 3 reps in
//    reserve counts in full and one further from failure 1/8 less per extra rep (at least 40 %:
//    sub-maximal practice still counts, as in grease the groove). Closeness is judged in reps in
//    reserve, not in % of the max: a beginner's single with two in reserve is as close to
//    failure as the 8th rep of 10. Gains saturate within a session, R = (S/M) / (1 + S/(4M))
//    (more sets help, with diminishing returns: Krieger 2009, Ralston 2017). M grows by
//    GAIN × R × (1 − M / ceiling): beginners, far from their ceiling, gain fastest (a max of 3
//    reaches about 8–11 in 16 weeks); deep fatigue blunts it (× (1 − 2C), overreaching).
//    A grows by A_COST × R and C by C_COST × R, up to FAIL_COST times more when sets fail
//    (sets to failure leave more fatigue and slow recovery: Morán-Navarro 2017); M detrains by
//    0.15 % a day.
//  - fatigue is calibrated so that its effect stays in the range seen in practice: a sustainable
//    program runs about 10–15 % below the fresh max the day after a session, a program that
//    fails every set at 4 a week about 25–30 % (A ≈ 0.15–0.2, C ≈ 0.1), and a week of lighter
//    training recovers most of it. (An earlier C_COST of 0.008 let a failing athlete sink to
//    45 % of the max — a max of 19 doing 10-8-7-6-5 — which no real athlete keeps training at.)
//  - the fixed programs fail 64–89 % of sessions here. That follows from their design, not from
//    harshness: the linear program adds 5 reps a week whatever happens (16 × 5 at week 16 for a
//    max that reaches 9–12); the Armstrong-style one adds a rep to every set after each session
//    done, so once it meets the athlete's capacity it fails until the athlete catches up. The
//    issue's own simulation saw 40–50 % over a shorter horizon; a failed session here still
//    counts its near-maximal reps in the total, which favours the fixed programs' volume.
// The harsh athlete gains 40 % less, tires 40 % more, drains more per set and misjudges RPE by
// ±1.5; the kind one gains 40 % more, tires 30 % less and misjudges RPE by ±0.5. Absolute
// numbers are the model's; the comparison between programs is the point.
import { planNextSession, type CoachPlan } from '../../supabase/functions/_shared/coach.ts';
import { firstSessionSets } from '../../supabase/functions/_shared/plan-bounds.ts';
import {
  totalReps,
  type SessionRecord,
  type Sets,
} from '../../supabase/functions/_shared/session-model.ts';

const WEEKS = 16;
const EFFECTIVE_RIR = 3;
const FAR_SHARE = 0.4;
const SATURATION = 4;
const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-05T18:00:00Z'); // a Monday
const SCHEDULES: Record<number, number[]> = { 2: [0, 3], 3: [0, 2, 4], 4: [0, 1, 3, 4] };

interface Model {
  name: string;
  gain: number;
  aCost: number;
  cCost: number;
  setDrop: number;
  formSigma: number;
  rpeNoise: number;
  failCost: number;
}

const MODELS: Record<string, Model> = {
  base: {
    name: 'base',
    gain: 0.25,
    aCost: 0.03,
    cCost: 0.003,
    setDrop: 0.09,
    formSigma: 0.04,
    rpeNoise: 1,
    failCost: 2,
  },
  harsh: {
    name: 'harsh',
    gain: 0.15,
    aCost: 0.042,
    cCost: 0.0042,
    setDrop: 0.11,
    formSigma: 0.06,
    rpeNoise: 1.5,
    failCost: 2.5,
  },
  kind: {
    name: 'kind',
    gain: 0.35,
    aCost: 0.021,
    cCost: 0.0021,
    setDrop: 0.075,
    formSigma: 0.03,
    rpeNoise: 0.5,
    failCost: 1.6,
  },
};

interface AthleteSpec {
  name: string;
  max: number;
  ceiling: number;
}

const ATHLETES: AthleteSpec[] = [
  { name: 'beginner', max: 3, ceiling: 15 },
  { name: 'novice', max: 8, ceiling: 25 },
  { name: 'intermediate', max: 15, ceiling: 30 },
];

/** mulberry32: a small, seedable generator. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random: () => number): number {
  const u = Math.max(1e-9, random());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

class Athlete {
  max: number;
  acute = 0;
  chronic = 0;
  lastDay: number | null = null;
  constructor(
    readonly spec: AthleteSpec,
    readonly model: Model,
  ) {
    this.max = spec.max;
  }

  /** Fatigue decays and the max detrains with the days since the last session. */
  rest(day: number) {
    if (this.lastDay !== null) {
      const days = day - this.lastDay;
      this.acute *= 0.5 ** (days / 1.5);
      this.chronic *= 0.5 ** (days / 12);
      this.max *= 0.9985 ** days;
    }
    this.lastDay = day;
  }

  perform(plan: Sets, form: number, rpeDraw: number) {
    const effective = Math.max(0.5, this.max * (1 - this.acute - this.chronic) * form);
    const done: number[] = [];
    let spent = 0;
    let stimulus = 0;
    let reserve = Infinity;
    let failedSets = 0;
    for (const planned of plan) {
      const cap = Math.max(0, effective - this.model.setDrop * spent);
      const reps = Math.min(planned, Math.floor(cap));
      if (reps < planned) failedSets += 1;
      const closeness = cap > 0 ? reps / cap : 1;
      reserve = Math.min(reserve, cap - reps);
      done.push(reps);
      // A set near failure drains the next ones far more than an easy one.
      spent += reps * (0.3 + 1.7 * closeness ** 3);
      // Effective reps: a set with up to EFFECTIVE_RIR reps in reserve counts in full, one
      // further from failure less (never below FAR_SHARE: practice still counts).
      const rir = Math.max(0, cap - reps);
      stimulus += reps * Math.min(1, Math.max(FAR_SHARE, 1 - (rir - EFFECTIVE_RIR) / 8));
    }
    const failed = failedSets > 0;
    // Diminishing returns within a session: the stimulus saturates at SATURATION × the max.
    const raw = stimulus / this.max;
    const relative = raw / (1 + raw / SATURATION);
    // Deep fatigue (overreaching) blunts the gains.
    const fresh = Math.max(0, 1 - 2 * this.chronic);
    this.max += this.model.gain * relative * fresh * Math.max(0, 1 - this.max / this.spec.ceiling);
    const extra = 1 + (this.model.failCost - 1) * (failedSets / 5);
    this.acute += this.model.aCost * relative * extra;
    this.chronic += this.model.cCost * relative * extra;
    const rpe = failed
      ? null
      : Math.min(
          10,
          Math.max(
            5,
            Math.round(10 - Math.floor(reserve) + (rpeDraw * 2 - 1) * this.model.rpeNoise),
          ),
        );
    return { done: done as Sets, failed, rpe };
  }
}

type Planner = (history: SessionRecord[], date: Date, index: number) => CoachPlan | { sets: Sets };

interface Result {
  failed: number;
  sessions: number;
  deloadDays: number[];
  weekly: number[];
  total: number;
  flat: number;
  finalMax: number;
  history: SessionRecord[];
  /** What was planned for each session, and the coach's comment (same order as history). */
  plans: { sets: Sets; comment?: string }[];
}

function simulate(spec: AthleteSpec, model: Model, perWeek: number, planner: Planner): Result {
  const athlete = new Athlete(spec, model);
  const random = rng(spec.max * 1000 + perWeek * 17 + model.name.length);
  const history: SessionRecord[] = [];
  const plans: Result['plans'] = [];
  const weekly = Array<number>(WEEKS).fill(0);
  const weekBest = Array<number | null>(WEEKS).fill(null);
  const deloadDays: number[] = [];
  let failed = 0;
  let index = 0;
  for (let week = 0; week < WEEKS; week += 1) {
    for (const weekday of SCHEDULES[perWeek] ?? []) {
      const day = week * 7 + weekday;
      const date = new Date(START + day * DAY_MS);
      const form = 1 + normal(random) * model.formSigma;
      const rpeDraw = random();
      const plan = planner([...history].reverse(), date, index);
      athlete.rest(day);
      const outcome = athlete.perform(plan.sets, form, rpeDraw);
      const intent = 'intent' in plan ? plan.intent : null;
      plans.push({ sets: plan.sets, ...('comment' in plan ? { comment: plan.comment } : {}) });
      history.push({
        session_date: date.toISOString(),
        sets: outcome.done,
        total_reps: totalReps(outcome.done),
        rpe: outcome.rpe,
        status: outcome.failed ? 'failed' : 'completed',
        is_ai_generated: intent !== null,
        is_modified: false,
        intent,
      });
      if (outcome.failed) failed += 1;
      weekly[week] = (weekly[week] ?? 0) + totalReps(outcome.done);
      if (intent === 'deload') deloadDays.push(day);
      else weekBest[week] = Math.max(weekBest[week] ?? 0, totalReps(outcome.done));
      index += 1;
    }
  }
  return {
    failed,
    sessions: index,
    deloadDays,
    weekly,
    total: weekly.reduce((a, b) => a + b, 0),
    flat: longestFlat(weekBest, deloadDays),
    finalMax: athlete.max,
    history,
    plans,
  };
}

/** The longest run of weeks without a new best working session (deload weeks are skipped). */
function longestFlat(weekBest: (number | null)[], deloadDays: number[]): number {
  const deloadWeeks = new Set(deloadDays.map((day) => Math.floor(day / 7)));
  let best = -1;
  let run = 0;
  let longest = 0;
  weekBest.forEach((value, week) => {
    if (deloadWeeks.has(week) || value === null) return;
    if (value > best) {
      best = value;
      run = 0;
    } else {
      run += 1;
      longest = Math.max(longest, run);
    }
  });
  return longest;
}

const coach: Planner = (history, date) =>
  history.length === 0
    ? planNextSession({ history, baselineMaxReps: 0, now: date, plannedDate: date })
    : planNextSession({ history, now: date, plannedDate: date });

function linear(start: Sets, perWeek: number): Planner {
  // +1 rep on every set each week, whatever happened.
  return (_history, _date, index) => ({
    sets: start.map((reps) => reps + Math.floor(index / perWeek)) as Sets,
  });
}

function armstrong(start: Sets): Planner {
  // Five equal training sets from the lightest set of the first session (a quarter to a half of
  // the max); one more rep on each once every set was completed.
  return (history) => {
    let reps = Math.min(...start);
    for (const session of [...history].reverse()) {
      if (session.status === 'completed') reps += 1;
    }
    return { sets: [reps, reps, reps, reps, reps] };
  };
}

function pad(value: string | number, width: number): string {
  return String(value).padStart(width);
}

const modelArg = process.argv.find((arg) => arg.startsWith('--model='))?.split('=')[1] ?? 'base';
const model = MODELS[modelArg];
if (!model) {
  console.error(`Unknown model ${modelArg}; use base, harsh or kind.`);
  process.exit(2);
}
const showPlans = process.argv.includes('--plans');
const showComments = process.argv.includes('--comments');

console.log(`Coach bench: ${WEEKS} weeks, athlete model "${model.name}" (scripts/bench/coach.ts)`);
console.log(
  [
    'athlete      ',
    '/wk',
    'program  ',
    'failed',
    'deloads',
    'wks between',
    'weekly volume w1/4/8/12/16',
    'total',
    'flat',
    'max',
    'targets',
  ].join(' | '),
);
const misses: string[] = [];
for (const spec of ATHLETES) {
  for (const perWeek of [2, 3, 4]) {
    const start = firstSessionSets(spec.max);
    const programs: [string, Planner][] = [
      [
        'coach',
        (h, d, i) =>
          i === 0
            ? planNextSession({ history: [], baselineMaxReps: spec.max, now: d, plannedDate: d })
            : coach(h, d, i),
      ],
      ['linear', linear(start, perWeek)],
      ['armstrong', armstrong(start)],
    ];
    const results = programs.map(
      ([name, planner]) => [name, simulate(spec, model, perWeek, planner)] as const,
    );
    const bestClassic = Math.max(...results.slice(1).map(([, r]) => r.total));
    for (const [name, r] of results) {
      const gaps = r.deloadDays.slice(1).map((day, i) => (day - (r.deloadDays[i] ?? 0)) / 7);
      const firstGap = r.deloadDays.length > 0 ? [(r.deloadDays[0] ?? 0) / 7] : [];
      const between = [...firstGap, ...gaps];
      const failedShare = r.failed / r.sessions;
      let verdict = '';
      if (name === 'coach') {
        const checks: [boolean, string][] = [
          [r.flat <= 3, 'flat>3wk'],
          [between.every((w) => w >= 4), 'deload<4wk'],
          [failedShare <= 0.1, 'failed>10%'],
          [
            r.total >= 0.9 * bestClassic,
            `reps<90% (${Math.floor((r.total / bestClassic) * 100)}%)`,
          ],
        ];
        const failing = checks.filter(([ok]) => !ok).map(([, label]) => label);
        verdict = failing.length === 0 ? 'met' : failing.join(', ');
        if (failing.length > 0) misses.push(`${spec.name} ${perWeek}/wk: ${verdict}`);
      }
      console.log(
        [
          spec.name.padEnd(13),
          pad(perWeek, 3),
          name.padEnd(9),
          `${pad(r.failed, 2)} ${pad(Math.round(failedShare * 100), 3)}%`,
          pad(r.deloadDays.length, 7),
          (between.length ? between.map((w) => w.toFixed(1)).join(',') : '-').padEnd(11),
          [0, 3, 7, 11, 15]
            .map((w) => pad(r.weekly[w] ?? 0, 4))
            .join(' ')
            .padEnd(26),
          pad(r.total, 5),
          pad(r.flat, 4),
          pad(r.finalMax.toFixed(1), 4),
          verdict,
        ].join(' | '),
      );
      if (showPlans && process.argv.includes(`--${name}`)) {
        r.history.forEach((s, i) => {
          const planned = r.plans[i];
          console.log(
            `    ${s.session_date.slice(0, 10)} ${s.intent ?? ''} planned ${planned?.sets.join('-')} did ${s.sets.join('-')} ${s.status} rpe=${s.rpe}`,
          );
          if (showComments && planned?.comment) console.log(`      “${planned.comment}”`);
        });
      }
    }
  }
}
console.log(
  misses.length === 0
    ? 'All targets met: flat ≤ 3 weeks, deloads ≥ 4 weeks apart, failed ≤ 10 %, total ≥ 90 % of the better classic program.'
    : `Targets missed:\n  ${misses.join('\n  ')}`,
);
