import { describe, expect, it } from 'vitest';
import { decimalToNumber, parseDecimalText } from './german-numbers.js';

const read = (text: string) => {
  const decimal = parseDecimalText(text);
  return decimal && decimalToNumber(decimal);
};

describe('German numbers', () => {
  it('reads comma decimals and dot or space grouping', () => {
    expect(read('3,5')).toBe(3.5);
    expect(read('1.234,56')).toBe(1234.56);
    expect(read('1.234.567')).toBe(1234567);
    expect(read('1\u00a0234')).toBe(1234);
    expect(read('−3,5')).toBe(-3.5);
    expect(read('+7')).toBe(7);
    expect(read('-0')).toBe(0);
  });

  it('reads a lone dot as decimal point unless three digits follow', () => {
    expect(read('1.5')).toBe(1.5);
    expect(read('1.25')).toBe(1.25);
    expect(read('1.500')).toBe(1500);
    expect(read('1.2345')).toBe(1.2345);
  });

  it('refuses what is ambiguous or no number', () => {
    for (const text of ['1,234.56', '1.23.4', '12a', '', '-', '1,2,3', '1.234,5.6']) expect(read(text), text).toBeUndefined();
  });
});
