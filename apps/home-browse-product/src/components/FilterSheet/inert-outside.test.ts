import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inertOutside, wrapFocus, type InertNode } from './inert-outside';

interface Node extends InertNode {
  name: string;
  parentElement: Node | null;
  children: Node[];
  inert: boolean;
}

/** A tree of named nodes: `[name, ...children]`. */
function tree(spec: [string, ...unknown[]], parent: Node | null = null): Node {
  const [name, ...kids] = spec;
  const node: Node = { name, parentElement: parent, children: [], inert: false };
  node.children = kids.map((kid) => tree(kid as [string, ...unknown[]], node));
  return node;
}

function find(node: Node, name: string): Node | null {
  if (node.name === name) return node;
  for (const child of node.children) {
    const found = find(child, name);
    if (found) return found;
  }
  return null;
}

const inertNames = (node: Node): string[] => [...(node.inert ? [node.name] : []), ...node.children.flatMap(inertNames)];

// html > body > (#root > .app > (header, main > .browse > (bar, grid, layer > sheet)), script)
const page = (): Node =>
  tree(['html', ['head'], ['body', ['root', ['app', ['header', ['logo']], ['main', ['browse', ['bar'], ['grid', ['card']], ['layer', ['sheet', ['apply']]]]]]], ['script']]]);

describe('inertOutside', () => {
  it('should make every element beside the path to the body inert, and nothing on it or inside it', () => {
    const html = page();
    inertOutside(find(html, 'layer')!);
    assert.deepEqual(inertNames(html), ['header', 'bar', 'grid', 'script']);
  });

  it('should mark only the outermost elements beside the path, not their descendants', () => {
    const html = page();
    inertOutside(find(html, 'layer')!);
    assert.equal(find(html, 'card')!.inert, false);
    assert.equal(find(html, 'logo')!.inert, false);
  });

  it('should leave the head and the document element alone', () => {
    const html = page();
    inertOutside(find(html, 'layer')!);
    assert.equal(html.inert, false);
    assert.equal(find(html, 'head')!.inert, false);
  });

  it('should undo what it marked and keep what was inert before', () => {
    const html = page();
    find(html, 'bar')!.inert = true;
    const undo = inertOutside(find(html, 'layer')!);
    undo();
    assert.deepEqual(inertNames(html), ['bar']);
  });
});

describe('inertOutside with a spared subtree', () => {
  it('should leave the spared element live and mark the rest', () => {
    const html = page();
    const undo = inertOutside(find(html, 'layer')!, (node) => (node as Node).name === 'grid');
    assert.deepEqual(inertNames(html), ['header', 'bar', 'script']);
    undo();
    assert.deepEqual(inertNames(html), []);
  });
});

describe('wrapFocus', () => {
  const items = ['close', 'brand', 'apply'];
  it('should go from the last to the first, and back from the first to the last', () => {
    assert.equal(wrapFocus(items, 'apply', false), 'close');
    assert.equal(wrapFocus(items, 'close', true), 'apply');
  });
  it('should leave moves inside the trap to the browser', () => {
    assert.equal(wrapFocus(items, 'close', false), null);
    assert.equal(wrapFocus(items, 'apply', true), null);
    assert.equal(wrapFocus(items, 'brand', true), null);
  });
  it('should bring focus from outside back in', () => {
    assert.equal(wrapFocus(items, 'grid-link', false), 'close');
    assert.equal(wrapFocus(items, null, true), 'apply');
  });
  it('should do nothing with nothing to focus', () => {
    assert.equal(wrapFocus([], 'x', false), null);
  });
});
