import { describe, expect, it } from 'vitest';
import { inOrder } from '../../src/core/settle.js';

const later = <T>(ms: number, value: T): Promise<T> => new Promise((resolve) => setTimeout(() => { resolve(value); }, ms));
const failLater = (ms: number, message: string): Promise<never> => new Promise((_, reject) => setTimeout(() => { reject(new Error(message)); }, ms));

describe('inOrder', () => {
  it('gives the values in position order', async () => {
    await expect(inOrder<[number, string]>([later(20, 1), later(1, 'two')])).resolves.toEqual([1, 'two']);
  });

  it('fails with the first failure by position, not the first to happen', async () => {
    await expect(inOrder<[number, number]>([failLater(30, 'first'), failLater(1, 'second')])).rejects.toThrow('first');
    await expect(inOrder<[number, number]>([later(1, 1), failLater(5, 'second')])).rejects.toThrow('second');
  });
});
