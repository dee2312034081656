import { describe, expect, test } from 'vitest';
import { aiPlanSchema, countSentences } from './ai-plan-schema.ts';

const COMMENT = 'You completed every set at RPE 7. This plan adds one rep to two sets.';

describe('countSentences', () => {
  test.each([
    ['One.', 1],
    ['One. Two!', 2],
    ['Up 4.5% from 46 reps. Keep going? Yes.', 3],
    ['  Trailing text without a stop', 1],
    ['', 0],
  ])('%j has %i', (text, count) => {
    expect(countSentences(text)).toBe(count);
  });
});

describe('the AI plan schema', () => {
  test('five whole sets 1..60 and a 2–3 sentence comment pass; extra fields are dropped', () => {
    expect(
      aiPlanSchema.parse({ sets: [10, 10, 9, 9, 8], comment: ` ${COMMENT} `, mood: 'x' }),
    ).toEqual({
      sets: [10, 10, 9, 9, 8],
      comment: COMMENT,
    });
  });

  test.each([
    [[10, 10, 9, 9]],
    [[10, 10, 9, 9, 8, 8]],
    [[0, 10, 9, 9, 8]],
    [[61, 10, 9, 9, 8]],
    [[10.5, 10, 9, 9, 8]],
    [['10', 10, 9, 9, 8]],
    ['10,10,9,9,8'],
  ])('sets %j are refused', (sets) => {
    expect(aiPlanSchema.safeParse({ sets, comment: COMMENT }).success).toBe(false);
  });

  test.each([
    ['one sentence', 'Do five sets.'],
    ['four sentences', 'One. Two. Three. Four.'],
    ['over 500 characters', `${'Long words here. '.repeat(2)}${'x'.repeat(480)}.`],
    ['empty', '   '],
  ])('a comment of %s is refused', (_name, comment) => {
    expect(aiPlanSchema.safeParse({ sets: [10, 10, 9, 9, 8], comment }).success).toBe(false);
  });

  test('a missing comment is refused', () => {
    expect(aiPlanSchema.safeParse({ sets: [10, 10, 9, 9, 8] }).success).toBe(false);
  });
});
