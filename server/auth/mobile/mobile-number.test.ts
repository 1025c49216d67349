import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors/app-error';
import { maskMobile, normaliseMobile, parseMobile } from './mobile-number';

describe('normaliseMobile', () => {
  it('should accept 10 digits starting 6-9, with or without +91, 91, 0091 or 0 and separators', () => {
    for (const input of ['9876543210', '+919876543210', '+91 98765 43210', '919876543210', '09876543210', '0091 9876543210', '98765-43210', '(987) 654 3210']) {
      assert.equal(normaliseMobile(input), '+919876543210', input);
    }
    assert.equal(normaliseMobile('6000000000'), '+916000000000');
  });

  it('should refuse wrong lengths, letters and numbers starting 0-5', () => {
    for (const input of ['', '987654321', '98765432101', '98765432a0', 'abcdefghij', '5876543210', '0876543210', '1234567890', '+9198765432', '+9298765432100', '+91+919876543210', '٩٨٧٦٥٤٣٢١٠', '9'.repeat(40)]) {
      assert.equal(normaliseMobile(input), null, input);
    }
  });
});

describe('parseMobile', () => {
  it('should throw invalid-mobile for non-strings', () => {
    for (const input of [9876543210, null, undefined, ['9876543210'], {}]) {
      assert.throws(() => parseMobile(input), (e: unknown) => e instanceof AppError && e.code === 'invalid-mobile');
    }
  });
});

describe('maskMobile', () => {
  it('should keep the country code and the last four digits', () => {
    assert.equal(maskMobile('+919876543210'), '+91******3210');
  });
});
