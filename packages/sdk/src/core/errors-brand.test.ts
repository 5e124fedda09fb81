import { describe, expect, it } from 'vitest';
import { ClrApiError, ClrError, ClrNetworkError, NotFoundError, OutOfStockError, apiErrorFrom } from './errors.js';

const init = { status: 409, body: { code: 'out_of_stock', detail: 'Il ne reste plus assez de certifications.', needed: 3, available: 1 } };

describe('errors of another copy of the SDK on the same page', () => {
  it('are recognised by instanceof, class by class, through their brands', async () => {
    // A second evaluation of the module: what a portal gets when it loads the one-tag bundle beside its own build.
    const other = (await import(/* @vite-ignore */ `./errors.js?copy=${Date.now()}`)) as typeof import('./errors.js');
    expect(other.OutOfStockError).not.toBe(OutOfStockError);
    const foreign = other.apiErrorFrom(init);
    expect(foreign).toBeInstanceOf(OutOfStockError);
    expect(foreign).toBeInstanceOf(ClrApiError);
    expect(foreign).toBeInstanceOf(ClrError);
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(foreign instanceof ClrNetworkError).toBe(false);
    expect((foreign as OutOfStockError).available).toBe(1);
    expect(new other.ClrNetworkError('injoignable')).toBeInstanceOf(ClrNetworkError);
  });

  it('and instanceof still refuses what is not an SDK error', () => {
    expect(new Error('x') instanceof ClrError).toBe(false);
    expect(Object.assign(new Error('x'), { name: 'OutOfStockError' }) instanceof OutOfStockError).toBe(false);
    expect((null as unknown as object) instanceof ClrError).toBe(false);
    expect(apiErrorFrom(init)).toBeInstanceOf(OutOfStockError);
  });
});
