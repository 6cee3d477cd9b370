import type { FindingReply, ReplyJSON } from '@anguan/model';
import type { RectificationFinding } from '$lib/api/rectifications';

/** A finding a reply may answer one by one (a term or a deduction), numbered as the page lists it. */
export interface AnswerableFinding {
  readonly key: string;
  /** 1-based, the order of the 需整改的问题 list. */
  readonly number: number;
  readonly label: string;
  readonly finding: Extract<RectificationFinding, { kind: 'term' | 'deduction' }>;
}

/** The findings to fix, in the 检查单's order (缺项 and scanned files are answered through the whole sheet only). */
export function answerableFindings(findings: readonly RectificationFinding[]): AnswerableFinding[] {
  return (
    findings
      // A detail cached on the device before findings had keys has nothing to answer one by one.
      .filter(
        (f): f is AnswerableFinding['finding'] =>
          (f.kind === 'term' || f.kind === 'deduction') && typeof f.key === 'string',
      )
      .map((finding, index) => ({ key: finding.key, number: index + 1, label: labelOf(finding), finding }))
  );
}

function labelOf(finding: AnswerableFinding['finding']): string {
  if (finding.kind === 'term') {
    return finding.location ? `${finding.phrase}（${finding.location}）` : finding.phrase;
  }
  return `${finding.sheetLabel ? `${finding.sheetLabel} · ` : ''}${finding.item}：${finding.rule}`;
}

/** A reply's answer to each finding, in list order: the part, or null when the finding has no answer of its own. */
export function answersOf(
  reply: ReplyJSON,
  findings: readonly AnswerableFinding[],
): Array<{ finding: AnswerableFinding; part: FindingReply | null }> {
  return findings.map((finding) => ({ finding, part: reply.findingReplies[finding.key] ?? null }));
}

/** 第 n 条 numbers of the findings a reply does not answer one by one (the whole-sheet text covers them). */
export function unansweredNumbers(reply: ReplyJSON, findings: readonly AnswerableFinding[]): number[] {
  return answersOf(reply, findings)
    .filter((answer) => answer.part === null)
    .map((answer) => answer.finding.number);
}

/** "第 1、3 条" */
export const numbersLabel = (numbers: readonly number[]): string => `第 ${numbers.join('、')} 条`;
