/** Security events kept in the audit log (issues 2 and 12), with the zh-CN label the 安全审计 page shows. */
export const AUDIT_EVENT_LABELS = {
  'login.succeeded': '登录成功',
  'login.failed': '登录失败',
  'login.locked': '账号锁定',
  'login.locked_attempt': '锁定期间尝试登录',
  'login.throttled': '登录过于频繁（按地址限制）',
  logout: '退出登录',
  'session.idle_timeout': '空闲超时退出',
  'enterprise.registered': '企业注册',
  'password.changed': '修改密码',
  'password.reset_requested': '申请找回密码',
  'password.reset_failed': '找回密码验证失败',
  'password.reset': '重置密码',
  'member.created': '新增账号',
  'member.disabled': '停用账号',
  'member.enabled': '启用账号',
  'member.password_reset': '重置成员密码',
  'supervisor.created': '新增监督账号',
  'member.password_issued': '查看项目部初始密码',
  'projects.registered': '项目登记',
  'projects.completed': '竣工备案',
  'rectification.ordered': '责令整改',
  'inspection.deleted': '删除检查记录',
  'inspection.file_deleted': '删除检查文件',
  'document.file_removed': '删除文档中的照片/文件',
  'blob.expired': '清理未引用文件',
  'termination.submitted': '提交终止监督申请',
  'termination.returned': '退回终止监督申请',
  'termination.graded': '安标考评评定',
  'inspection_plan.saved': '设置企业检查计划',
  'inspection_plan.deleted': '删除企业检查计划',
} as const satisfies Record<string, string>;

export type AuditEvent = keyof typeof AUDIT_EVENT_LABELS;

export const AUDIT_EVENTS = Object.keys(AUDIT_EVENT_LABELS) as AuditEvent[];

export const isAuditEvent = (value: string): value is AuditEvent => Object.hasOwn(AUDIT_EVENT_LABELS, value);
