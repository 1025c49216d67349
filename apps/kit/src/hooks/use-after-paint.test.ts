import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ApiDataContext } from '../api/api-data-context';
import { useAfterPaint } from './use-after-paint';

function Probe({ ready }: { ready: boolean }): React.ReactNode {
  return useAfterPaint(ready) ? 'below' : 'first-screen-only';
}

const render = (ready: boolean, data: ReadonlyMap<string, unknown> | null): string =>
  renderToString(createElement(ApiDataContext.Provider, { value: data }, createElement(Probe, { ready })));

describe('useAfterPaint', () => {
  it('should hold the below-the-fold part back on the first render, which the shell must match', () => {
    assert.equal(render(true, null), 'first-screen-only');
  });

  it('should show everything at once to a renderer that holds the data (no paint to wait for)', () => {
    assert.equal(render(true, new Map()), 'below');
  });

  it('should wait for its own condition even when the data is in hand', () => {
    assert.equal(render(false, new Map()), 'first-screen-only');
  });
});
