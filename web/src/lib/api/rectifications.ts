/**
 * The rectification (整改) API as the web reads it (server/src/rectifications/routes.ts, notes in rectify-api.md).
 *
 * @module
 */
import type { RectificationJSON, RectificationStatus } from '@anguan/model';
import { request } from './client';
import { withQuery } from './query';

/** A rectification as `GET /api/rectifications` lists it. */
export interface RectificationSummary {
  state: RectificationStatus;
  /** The deadline (an Asia/Shanghai day) passed, on the server's clock, without a passed reply. */
  overdue: boolean;
  /** YYYY-MM-DD, inclusive. */
  deadline: string;
  rounds: number;
  inspectionId: string;
  docName: string;
  projectId: string;
  projectName: string;
  filingNumber: string;
  origin: 'enterprise' | 'spot' | 'self' | 'monthly';
  stateLabel: string;
  requirement: string;
  rectifier: { userId: string | null; name: string };
  openedAt: string;
  closedAt: string | null;
  daysToClose: number | null;
  lastReplyAt: string | null;
  lastReviewAt: string | null;
  /** The caller is the project department of an open rectification. */
  mayReply: boolean;
  /** The caller is the inspecting side (复查 and 督促). */
  mayReview: boolean;
}

/** One line of the findings to fix (the sealed inspection's 检查单 findings). */
export type RectificationFinding =
  | {
      kind: 'term';
      /** Stable finding key (`findingKey`): what a reply answers it under. */
      key: string;
      termId: string;
      code: string | null;
      phrase: string;
      path: string[];
      hazardLevel: 'general' | 'major' | null;
      hazardLabel: string | null;
      location: string | null;
      note: string;
      photos: string[];
    }
  | {
      kind: 'deduction';
      key: string;
      table: string;
      sheetLabel: string;
      item: string;
      rule: string;
      count: number;
      points: number;
      uncertain: boolean;
    }
  | { kind: 'not_applicable'; table: string; sheetLabel: string; item: string | null }
  | { kind: 'file'; sha256: string; name: string; mediaType: string; size: number };

export interface RectificationDetail extends RectificationSummary {
  findings: RectificationFinding[];
  /** The replies (with per-finding answers) and reviews as the server has them. */
  replies: RectificationJSON['replies'];
  reviews: RectificationJSON['reviews'];
}

/** Badge counts over all the caller's rectifications (before filters). */
export interface RectificationCounts {
  pending: number;
  replied: number;
  passed: number;
  returned: number;
  overdue: number;
  /** 待整改 + 已退回: the project department's to do. */
  toReply: number;
  /** 已回复: the inspecting side's to do. */
  toReview: number;
}

export interface RectificationList {
  rectifications: RectificationSummary[];
  counts: RectificationCounts;
}

/** The list filters the server takes. */
export interface RectificationFilters {
  state?: RectificationStatus;
  overdue?: boolean;
  project?: string;
}

/** API path (without `/api`) of the list with `filters`, also the device cache's key. */
export const listPath = (filters: RectificationFilters = {}): string =>
  withQuery('/rectifications', { state: filters.state, overdue: filters.overdue, project: filters.project });

/** API path (without `/api`) of one rectification. */
export const detailPath = (inspectionId: string): string => `/rectifications/${inspectionId}`;

/** 督促: reminds the project department in-app; resolves with how many accounts were reminded. */
export function remind(inspectionId: string): Promise<{ recipients: number }> {
  return request<{ recipients: number }>('POST', `/rectifications/${inspectionId}/remind`);
}
