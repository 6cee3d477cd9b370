import { membersApi, type Member, type MemberRole } from '$lib/api';
import { toastManager } from '$lib/managers/toast-manager.svelte';
import { handleError } from '$lib/utils/handle-error';

export type MembersFilter = 'all' | MemberRole;

/** The 账号管理 page's data: the member list and the actions on it. */
export class MembersState {
  members = $state<Member[]>([]);
  status = $state<'loading' | 'ready' | 'error'>('loading');
  /** Why the list could not be loaded. */
  loadError = $state<string | null>(null);
  filter = $state<MembersFilter>('all');
  /** The member whose action is in flight (its buttons are disabled). */
  busyId = $state<string | null>(null);

  visible = $derived(
    this.filter === 'all' ? this.members : this.members.filter((m) => m.role === this.filter),
  );
  counts = $derived({
    all: this.members.length,
    inspector: this.members.filter((m) => m.role === 'inspector').length,
    project: this.members.filter((m) => m.role === 'project').length,
  });

  #controller: AbortController | null = null;

  async load(): Promise<void> {
    this.#controller?.abort();
    const controller = (this.#controller = new AbortController());
    this.status = 'loading';
    this.loadError = null;
    try {
      const { members } = await membersApi.listMembers({ signal: controller.signal });
      this.members = members;
      this.status = 'ready';
    } catch (error) {
      const message = handleError(error, '加载账号列表失败');
      if (message === undefined) return;
      this.loadError = message;
      this.status = 'error';
    }
  }

  /** Stops a load in flight (the page is being left). */
  cancel(): void {
    this.#controller?.abort();
  }

  added(member: Member): void {
    this.members = [...this.members, member];
    this.status = 'ready';
  }

  async setDisabled(member: Member, disabled: boolean): Promise<void> {
    this.busyId = member.id;
    try {
      await membersApi.setMemberDisabled(member.id, disabled);
      this.members = this.members.map((m) => (m.id === member.id ? { ...m, disabled } : m));
      toastManager.success(`已${disabled ? '停用' : '启用'}账号 ${member.login}`);
    } catch (error) {
      handleError(error, disabled ? '停用账号失败' : '启用账号失败');
    } finally {
      this.busyId = null;
    }
  }
}
