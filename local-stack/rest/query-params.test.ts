import { describe, expect, it } from 'vitest';
import { parseQueryParams, parseRangeHeader, parseSelect } from './query-params.ts';
import { RestError } from './rest-error.ts';

const parse = (qs: string, rpc = false) => parseQueryParams(new URLSearchParams(qs), rpc);

function parseError(fn: () => unknown): RestError {
  try {
    fn();
  } catch (error) {
    if (error instanceof RestError) return error;
    throw error;
  }
  throw new Error('expected a RestError');
}

describe('select', () => {
  it('reads columns, aliases, casts, json paths and stars', () => {
    expect(parseSelect('id, total:total_reps,set_1::text,event_data->>kind,*')).toEqual([
      { kind: 'field', field: { name: 'id', jsonPath: [] }, alias: null, cast: null },
      { kind: 'field', field: { name: 'total_reps', jsonPath: [] }, alias: 'total', cast: null },
      { kind: 'field', field: { name: 'set_1', jsonPath: [] }, alias: null, cast: 'text' },
      {
        kind: 'field',
        field: { name: 'event_data', jsonPath: [{ arrow: '->>', key: 'kind', isIndex: false }] },
        alias: null,
        cast: null,
      },
      { kind: 'star' },
    ]);
  });

  it('refuses SQL punctuation in a column list with PGRST100', () => {
    const error = parseError(() => parseSelect('id;drop table sessions'));
    expect(error.status).toBe(400);
    expect(error.body.code).toBe('PGRST100');
    expect(error.body.message).toContain('failed to parse select parameter');
  });

  it('answers embedding and aggregates with PostgREST errors, not a crash', () => {
    expect(parseError(() => parseSelect('id,generations(*)')).body.code).toBe('PGRST127');
    expect(parseError(() => parseSelect('count()')).body.code).toBe('PGRST123');
  });
});

describe('filters', () => {
  it('parses operators, negation, lists and is', () => {
    const qp = parse('status=in.(planned,"a,b")&rpe=not.is.null&set_1=gte.5&ai_comment=ilike.*x*');
    expect(qp.filters.map((f) => [f.field.name, f.negate, f.operation])).toEqual([
      ['status', false, { kind: 'in', values: ['planned', 'a,b'] }],
      ['rpe', true, { kind: 'is', value: 'null' }],
      ['set_1', false, { kind: 'compare', operator: '>=', quantifier: null, value: '5' }],
      ['ai_comment', false, { kind: 'compare', operator: 'ilike', quantifier: null, value: '*x*' }],
    ]);
  });

  it('rejects an unknown operator with PGRST100', () => {
    const error = parseError(() => parse('id=drop.1'));
    expect(error.body).toMatchObject({
      code: 'PGRST100',
      message: '"failed to parse filter (drop.1)" (line 1, column 1)',
    });
  });

  it('parses nested or/and trees and their not forms', () => {
    const qp = parse('or=(status.eq.failed,and(set_1.gt.3,rpe.lte.8))&not.and=(a.eq.1,b.eq."x,y")');
    expect(qp.logic).toHaveLength(2);
    const [or, notAnd] = qp.logic;
    expect(or).toMatchObject({ kind: 'expr', negate: false, operator: 'or' });
    expect(or?.kind === 'expr' && or.children[1]).toMatchObject({ kind: 'expr', operator: 'and' });
    expect(notAnd).toMatchObject({ kind: 'expr', negate: true, operator: 'and' });
    expect(notAnd?.kind === 'expr' && notAnd.children[1]).toMatchObject({
      kind: 'filter',
      filter: { operation: { kind: 'compare', value: 'x,y' } },
    });
  });

  it('treats operator-less values of an rpc read as arguments', () => {
    const qp = parse('a=5&b=eq.3', true);
    expect(qp.rpcArgs).toEqual([['a', '5']]);
    expect(qp.filters.map((f) => f.field.name)).toEqual(['b']);
  });
});

describe('order, limit and range', () => {
  it('parses several order terms with directions and nulls', () => {
    expect(parse('order=session_date.desc.nullslast,id').order).toEqual([
      { field: { name: 'session_date', jsonPath: [] }, direction: 'desc', nulls: 'last' },
      { field: { name: 'id', jsonPath: [] }, direction: null, nulls: null },
    ]);
    expect(parseError(() => parse('order=id.sideways')).body.code).toBe('PGRST100');
  });

  it('turns limit and offset into an inclusive range', () => {
    expect(parse('limit=10&offset=20').limitRange).toEqual({ lower: 20, upper: 29 });
    expect(parse('limit=0').limitZero).toBe(true);
    expect(parseRangeHeader('5-9')).toEqual({ lower: 5, upper: 9 });
    expect(parseRangeHeader('bogus')).toBeNull();
  });
});
