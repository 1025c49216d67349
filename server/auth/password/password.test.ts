import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../errors/app-error';
import { hashPassword, verifyPassword } from './password-hash';
import { checkPassword } from './password-policy';

describe('hashPassword / verifyPassword', () => {
  it('should verify the password and nothing else, with a fresh salt each time', async () => {
    const hash = await hashPassword('correct horse battery');
    assert.match(hash, /^scrypt\$17\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    assert.ok(await verifyPassword('correct horse battery', hash));
    assert.ok(!(await verifyPassword('correct horse batterY', hash)));
    assert.notEqual(await hashPassword('correct horse battery'), hash);
  });

  it('should treat NFKC-equivalent spellings as the same password', async () => {
    const hash = await hashPassword('café-au-lait');
    assert.ok(await verifyPassword('cafe\u0301-au-lait', hash));
  });

  it('should refuse malformed or absurd stored strings', async () => {
    for (const stored of ['', 'plain', 'bcrypt$x$y', 'scrypt$40$8$1$c2FsdA$aGFzaA', 'scrypt$17$8$1$$']) {
      assert.equal(await verifyPassword('x', stored), false, stored);
    }
  });
});

describe('checkPassword', () => {
  const reason = (password: string) => {
    try {
      checkPassword(password);
      return 'ok';
    } catch (error) {
      assert.ok(error instanceof AppError && error.code === 'weak-password');
      return (error.details as { reason: string }).reason;
    }
  };

  it('should take 8 to 128 characters that are not common', () => {
    assert.equal(reason('Tr0ub4dor&3'), 'ok');
    assert.equal(reason('सुरक्षितपासवर्ड'), 'ok');
    assert.equal(reason('short'), 'too-short');
    assert.equal(reason('x'.repeat(129)), 'too-long');
    assert.equal(reason('         '), 'blank');
    assert.equal(reason('Password123'), 'common');
  });
});
