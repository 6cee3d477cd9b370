import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rectificationToJSON, setReply } from '@anguan/model';
import type { RectificationFinding } from '$lib/api/rectifications';
import { answerableFindings, answersOf, numbersLabel, unansweredNumbers } from './finding-answers';

const term = (termId: string, location: string | null): RectificationFinding => ({
  kind: 'term',
  key: `term:${termId}`,
  termId,
  code: null,
  phrase: '临边防护缺失',
  path: [],
  hazardLevel: 'general',
  hazardLabel: '一般隐患',
  location,
  note: '',
  photos: [],
});
const FINDINGS: RectificationFinding[] = [
  term('t.01', '3号楼'),
  { kind: 'not_applicable', table: '塔式起重机', sheetLabel: '', item: null },
  {
    kind: 'deduction',
    key: 'deduction:s1/a.01/a.01.02',
    table: '安全管理',
    sheetLabel: '',
    item: '安全生产责任制',
    rule: '未建立安全生产责任制',
    count: 1,
    points: 10,
    uncertain: false,
  },
];

describe('per-finding answers on the rectification page', () => {
  it('numbers the terms and deductions as the list shows them, leaving 缺项 out', () => {
    expect(answerableFindings(FINDINGS).map((f) => [f.number, f.key, f.label])).toEqual([
      [1, 'term:t.01', '临边防护缺失（3号楼）'],
      [2, 'deduction:s1/a.01/a.01.02', '安全生产责任制：未建立安全生产责任制'],
    ]);
  });

  it("pairs each finding with the reply's answer and names those without one of their own", () => {
    const doc = new Y.Doc();
    const findings = answerableFindings(FINDINGS);
    setReply(doc, {
      authorUserId: 'p',
      authorName: '项目部',
      text: '其余已整改',
      findingReplies: { 'deduction:s1/a.01/a.01.02': { text: '已建立' } },
      findingKeys: findings.map((f) => f.key),
    });
    const reply = rectificationToJSON(doc).replies[0]!;
    expect(answersOf(reply, findings).map((a) => a.part?.text ?? null)).toEqual([null, '已建立']);
    expect(numbersLabel(unansweredNumbers(reply, findings))).toBe('第 1 条');
  });
});
