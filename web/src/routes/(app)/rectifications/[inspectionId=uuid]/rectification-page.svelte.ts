/**
 * State of one rectification page: the server's view (requirement, deadline, findings, rights, 逾期 on the
 * server's clock; through the device cache) and the `rectification:<uuid>` document (replies and reviews, synced
 * with {@link ReactiveDocSession}, so a reply written offline is kept on the phone and sent when back online).
 * Components read getters here and call its actions; they never touch Yjs.
 *
 * @module
 */
import { createSubscriber } from 'svelte/reactivity';
import {
  addReview,
  rectificationDocName,
  rectificationToJSON,
  setReply,
  type RectificationJSON,
  type RectificationStatus,
  type ReplyJSON,
  type ReviewVerdict,
} from '@anguan/model';
import type { User } from '$lib/api';
import { detailPath, remind, type RectificationDetail } from '$lib/api/rectifications';
import { CachedResource } from '$lib/cache/cached-resource.svelte';
import { ReactiveDocSession } from '$lib/sync/doc-session.svelte';
import { outboxManager } from '$lib/sync/outbox-manager.svelte';
import { colorFor } from '$lib/sync/presence';
import { syncServerUrl } from '../../inspections/[inspectionId=uuid]/inspection-page.svelte';
import { answerableFindings, type AnswerableFinding } from './finding-answers';
import { ReplyDraft } from './reply-draft.svelte';
import { roundsOf, type Round } from './rounds';

export class RectificationPage {
  readonly docName: string;
  readonly live: ReactiveDocSession;
  readonly detail = new CachedResource<{ rectification: RectificationDetail }>('加载整改记录失败');
  /** The 整改回复 being written (whole sheet and per finding), until submitted. */
  readonly draft = new ReplyDraft();
  readonly #changed: () => void;

  constructor(
    readonly inspectionId: string,
    private readonly user: User,
  ) {
    this.docName = rectificationDocName(inspectionId);
    this.live = new ReactiveDocSession(
      { docName: this.docName, serverUrl: syncServerUrl(window.location) },
      { id: user.id, name: user.displayName, color: colorFor(user.id) },
    );
    this.#changed = createSubscriber((update) => {
      this.live.doc.on('update', update);
      return () => this.live.doc.off('update', update);
    });
  }

  load(): Promise<void> {
    return this.detail.load(detailPath(this.inspectionId));
  }

  get info(): RectificationDetail | null {
    return this.detail.data?.rectification ?? null;
  }

  /** The replies and reviews as this device has them (its own unsent ones included). */
  get json(): RectificationJSON {
    this.#changed();
    return rectificationToJSON(this.live.doc);
  }

  /** The document's state once this device has it, else the server's row. */
  get state(): RectificationStatus | null {
    const json = this.json;
    if (json.inspectionId !== null || json.replies.length > 0) return json.status;
    return this.info?.state ?? null;
  }

  /** 逾期 is the server's to say (its clock, the Asia/Shanghai day); a reply passed here ends it at once. */
  get overdue(): boolean {
    return (this.info?.overdue ?? false) && this.state !== 'passed';
  }

  /** The findings a reply may answer one by one, numbered as listed. */
  get findings(): AnswerableFinding[] {
    return answerableFindings(this.info?.findings ?? []);
  }

  /** The reply the state is about (the latest written), or null before the first. */
  get currentReply(): ReplyJSON | null {
    const json = this.json;
    return json.replies.find((reply) => reply.replyId === json.currentReplyId) ?? null;
  }

  get rounds(): Round[] {
    return roundsOf(this.json);
  }

  /** The project department may answer: its side, the server lets it write, and nothing awaits review. */
  get mayReply(): boolean {
    return (
      (this.info?.mayReply ?? false) &&
      this.live.canWrite &&
      (this.state === 'pending' || this.state === 'returned')
    );
  }

  /** The inspecting side may decide on the latest reply, once. */
  get mayReview(): boolean {
    return (this.info?.mayReview ?? false) && this.live.canWrite && this.state === 'replied';
  }

  /** 督促 goes to the server, for the inspecting side, while the rectification is open. */
  get mayRemind(): boolean {
    return (this.info?.mayReview ?? false) && this.state !== null && this.state !== 'passed';
  }

  /**
   * Writes the draft as a 整改回复: whole-sheet text and photos and each answered finding's own (photos kept on the
   * device and queued for upload; the document holds their hashes). The writer refuses keys of no finding here.
   */
  async reply(draft: ReplyDraft): Promise<void> {
    const findingReplies: Record<string, { text: string; photos: string[] }> = {};
    for (const [key, part] of draft.answered()) {
      findingReplies[key] = { text: part.text.trim(), photos: await this.#keep(part.files) };
    }
    setReply(this.live.doc, {
      authorUserId: this.user.id,
      authorName: this.user.displayName,
      text: draft.text.trim(),
      photos: await this.#keep(draft.files),
      findingReplies,
      findingKeys: this.findings.map((finding) => finding.key),
    });
  }

  async #keep(files: readonly File[]): Promise<string[]> {
    const hashes: string[] = [];
    for (const file of files) hashes.push((await outboxManager.addFile(file, this.docName)).hash);
    return hashes;
  }

  /** 通过 / 退回 of the current reply (a 退回 needs its reason: the caller checks it). */
  review(verdict: ReviewVerdict, note: string): void {
    const replyId = this.json.currentReplyId;
    if (replyId === null) throw new Error('没有可复查的整改回复');
    addReview(this.live.doc, {
      replyId,
      reviewerUserId: this.user.id,
      reviewerName: this.user.displayName,
      verdict,
      note,
    });
  }

  remind(): Promise<{ recipients: number }> {
    return remind(this.inspectionId);
  }

  destroy(): Promise<void> {
    return this.live.destroy();
  }
}
