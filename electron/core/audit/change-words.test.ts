import { describe, expect, it } from 'vitest';
import { describeChange } from './change-words';

describe('a change in the audit trail', () => {
  it('names what changed, and leaves out a field recorded after only with nothing in it', () => {
    const before = JSON.stringify({ status: 'announced', update_id: null });
    const after = JSON.stringify({
      status: 'available',
      update_id: null,
      expected_date: null,
      delivery: 'on-site',
    });
    expect(describeChange(before, after)).toEqual(['status: announced → available', 'delivery: on-site']);
  });

  it('keeps fields named like JavaScript internals as fields', () => {
    expect(describeChange(JSON.stringify({ toString: 'a' }), JSON.stringify({ toString: 'b' }))).toEqual([
      'to string: a → b',
    ]);
  });
});
