import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { replaceText } from './text.js';

describe('replaceText', () => {
  it('keeps both edits when two peers change different parts of one text concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    replaceText(a.getText('t'), '塔吊基础积水，未设排水措施');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    replaceText(a.getText('t'), '塔吊基础积水严重，未设排水措施');
    replaceText(b.getText('t'), '塔吊基础积水，未设排水措施。限期整改');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe('塔吊基础积水严重，未设排水措施。限期整改');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });

  it('does nothing when the text is unchanged', () => {
    const doc = new Y.Doc();
    replaceText(doc.getText('t'), 'abc');
    let updates = 0;
    doc.on('update', () => updates++);
    replaceText(doc.getText('t'), 'abc');
    expect(updates).toBe(0);
  });
});
