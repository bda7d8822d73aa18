/** The one parser for option values: units, lists, figsize, and everything it must refuse. */
import { describe, expect, it } from 'vitest';
import { parseFigsize, parseInteger, parseNumber, parseTime, parseTimes, QuantityError } from '../../src/options/quantity.js';

const ms = (x: number) => x * 1e3;

describe('times', () => {
  it.each([
    ['10ms', 10],
    ['10 ms', 10],
    ['0.01s', 10],
    ['0.01 s', 10],
    ['500us', 0.5],
    ['500µs', 0.5], // micro sign
    ['500μs', 0.5], // Greek mu
    ['1e-2 s', 10],
    ['1E-2s', 10],
    ['10', 10], // a bare number is ms
    ['  10ms  ', 10],
    ['.5ms', 0.5],
    ['+2ms', 2],
    ['-5ms', -5], // sign is the option's bounds' business, not the parser's
  ])('%s is %f ms', (text, expected) => {
    expect(ms(parseTime(text))).toBeCloseTo(expected, 12);
  });

  it.each(['10kg', 'NaN', 'Infinity', '-Infinity', '', '   ', 'ms', '1e', '--3', '10 m s', '1e400ms', '0x10ms', '1_000ms', '10ms5', 'Ms'])(
    'refuses %j, saying what it got',
    (text) => {
      expect(() => parseTime(text)).toThrow(QuantityError);
      expect(() => parseTime(text)).toThrow(/expects .* got/);
    },
  );

  it('never gives -0', () => {
    expect(Object.is(parseTime('-0ms'), 0)).toBe(true);
  });
});

describe('lists of times', () => {
  it('takes the trailing unit for unitless items', () => {
    expect(parseTimes('10,11,50,60ms').map(ms)).toEqual([10, 11, 50, 60].map((x) => ms(x * 1e-3)));
    expect(parseTimes('0.01,0.02s').map((t) => Math.round(ms(t)))).toEqual([10, 20]);
  });
  it('mixes units and spaces', () => {
    expect(parseTimes('10ms, 0.02 s, 500us').map((t) => Number(ms(t).toPrecision(12)))).toEqual([10, 20, 0.5]);
  });
  it('defaults to ms without any unit', () => {
    expect(parseTimes('10,11').map((t) => Number(ms(t).toPrecision(12)))).toEqual([10, 11]);
  });
  it.each(['', '10,,11ms', '10,11,', ',10', '10,11kg', '10,NaN,11ms', '10;11ms'])('refuses %j and names the bad item', (text) => {
    expect(() => parseTimes(text)).toThrow(QuantityError);
    expect(() => parseTimes(text)).toThrow(/list of times/);
  });
});

describe('dimensionless numbers and integers', () => {
  it.each([
    ['0.8', 0.8],
    ['-0.5', -0.5],
    ['1e-3', 1e-3],
    [' 2 ', 2],
  ])('number %j', (text, expected) => expect(parseNumber(text)).toBe(expected));

  it.each(['NaN', 'Infinity', '', '1e400', '0x10', 'abc', '1,5', '10ms'])('refuses number %j', (text) => {
    expect(() => parseNumber(text)).toThrow(QuantityError);
  });

  it('says a time was given where a plain number is expected', () => {
    expect(() => parseNumber('10ms')).toThrow(/without a unit .* got the time '10ms'/);
  });

  it.each([
    ['41', 41],
    ['1e4', 10000],
    ['-3', -3],
    ['+7', 7],
  ])('integer %j', (text, expected) => expect(parseInteger(text)).toBe(expected));

  it.each(['2.5', '1e-1', 'NaN', '', '1e400', '99999999999999999999', '5ms'])('refuses integer %j', (text) => {
    expect(() => parseInteger(text)).toThrow(QuantityError);
  });
});

describe('figsize', () => {
  it.each([
    ['8x5', [8, 5]],
    ['8X5', [8, 5]],
    ['8,5', [8, 5]],
    ['8 × 5', [8, 5]],
    ['7.5x2.9', [7.5, 2.9]],
  ])('%s', (text, expected) => expect(parseFigsize(text)).toEqual(expected));

  it.each(['8', '8x', 'x5', '0x5', '8x-5', 'axb', 'NaNx5', '1e400x5', '', '8x5x3'])('refuses %j', (text) => {
    expect(() => parseFigsize(text)).toThrow(QuantityError);
  });
});
