import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editDistance, Vocabulary } from './did-you-mean';

describe('editDistance()', () => {
  it('should count a swapped pair of letters as one edit', () => {
    assert.equal(editDistance('iphnoe', 'iphone', 2), 1);
    assert.equal(editDistance('samsng', 'samsung', 2), 1);
    assert.equal(editDistance('kitten', 'sitting', 5), 3);
  });

  it('should stop early past the limit', () => {
    assert.equal(editDistance('refrigerator', 'tv', 2), 3);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary();
  vocabulary.add(['apple', 'iphone', '15']);
  vocabulary.add(['apple', 'iphone', '14']);
  vocabulary.add(['iphone', 'case']);
  vocabulary.add(['phone', 'nothing']);

  it('should correct a typo to the closest, most common word', () => {
    assert.equal(vocabulary.correct('iphnoe'), 'iphone');
    assert.equal(vocabulary.correct('aple'), 'apple');
  });

  it('should leave known words, short words and words too far from any alone', () => {
    assert.equal(vocabulary.correct('iphone'), null);
    assert.equal(vocabulary.correct('ipd'), null);
    assert.equal(vocabulary.correct('xylophone'), null);
  });
});
