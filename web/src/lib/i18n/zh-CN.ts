/**
 * Shared zh-CN strings: role names, navigation, common words. Page-specific text stays in its page.
 *
 * @module
 */
import type { MemberRole, ProjectStatus, Role } from '$lib/api';

export const APP_NAME = '安管';
export const APP_FULL_NAME = '安管 · 建筑施工安全管理';

/** How each role is called in the provincial system. */
export const ROLE_LABELS: Record<Role, string> = {
  enterprise: '安全总监',
  inspector: '企业检查人员',
  project: '项目部',
  supervisor: '安监站',
};

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  in_construction: '在建',
  completed: '已竣工',
  terminated: '已终止监督',
};

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  inspector: '检查人员',
  project: '项目部',
};

/** What each role types into the one login box. */
export const LOGIN_KINDS = ['统一社会信用代码', '手机号', '监督备案号', '用户名'] as const;

export const COMMON = {
  loading: '加载中…',
  retry: '重试',
  cancel: '取消',
  confirm: '确定',
  save: '保存',
  close: '关闭',
  submit: '提交',
  logout: '退出登录',
  changePassword: '修改密码',
  menu: '菜单',
  offline: '当前离线：已保存的内容仍可查看，联网后自动同步',
  networkError: '无法连接服务器，请检查网络后重试',
  unexpectedError: '出错了，请稍后重试',
  installApp: '安装应用',
  updateAvailable: '有新版本可用',
  refresh: '刷新',
} as const;

export const FIELD_LABELS = {
  creditCode: '统一社会信用代码',
  enterpriseName: '企业名称',
  password: '密码',
  confirmPassword: '确认密码',
  contactName: '联系人姓名',
  contactIdNumber: '联系人身份证号',
  contactPhone: '联系人手机号',
  phone: '手机号',
  name: '姓名',
  filingNumber: '监督备案号',
  login: '账号',
} as const;

export const PASSWORD_HINT = '至少 8 位，须同时包含字母和数字';
