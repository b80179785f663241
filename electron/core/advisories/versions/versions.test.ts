import { describe, expect, it } from 'vitest';
import { compareVersions } from './compare';
import { inRange, parseRange } from './range';

describe('comparing versions', () => {
  it.each([
    ['VA60A', 'VB22A', -1],
    ['VB22A', 'VB22A-UD03', -1],
    ['VB22A-UD03', 'VB22A-UD04', -1],
    ['VA30', 'VA30 SP5', -1],
    ['VB40B HF06', 'VB40B', 1],
    ['VB40B HF06', 'VB40B SP1', -1],
    ['V17', 'V18 Update 3', -1],
    ['V18 Update 4', 'V18 Update 3', 1],
    ['2.3.5', '2.3.10', -1],
    ['1.003', '1.3', 0],
    ['V18', 'V18 Update 3', -1],
    ['12.2.8.410', '12.2.8.41', 1],
    ['HD23', 'HD 16', 1],
  ])('%s vs %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b) ?? Number.NaN)).toBe(sign);
  });

  it('cannot compare what it cannot read', () => {
    expect(compareVersions('latest', '2.0')).toBeNull();
    expect(compareVersions('4.1.6', '1.003')).toBeNull();
  });
});

describe('version ranges', () => {
  it.each([
    ['vers:all/*', '1.0', true],
    ['vers:generic/>=1.0|<2.0', '1.5', true],
    ['vers:generic/>=1.0|<2.0', '2.0', false],
    ['<=2.3.5', '2.3.5', true],
    ['<=2.3.5', '2.3.6', false],
    ['< 1.003', '1.002', true],
    ['5.x.x', '5.7.1', true],
    ['5.x.x', '6.0.0', false],
    ['HD 16 | HD23', 'HD23', true],
    ['HD 16 | HD23', 'HD 17', false],
    ['All versions < V18 Update 3', 'V18 Update 2', true],
    ['All versions < V18 Update 3', 'V18 Update 3', false],
    ['All versions', 'anything', true],
  ])('%s contains %s: %s', (range, version, expected) => {
    expect(inRange(version, parseRange(range))).toBe(expected);
  });

  it('says "cannot tell" for a version it cannot read, so the match needs review', () => {
    expect(inRange('unknown build', parseRange('<=2.3.5'))).toBeNull();
    expect(inRange('VB22A', parseRange('later than the summer release'))).toBeNull();
  });
});
