import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { Role } from '$lib/api';

export type NavIconName =
  | 'registry'
  | 'projects'
  | 'inspections'
  | 'monthly'
  | 'rectifications'
  | 'hazards'
  | 'stats'
  | 'alerts'
  | 'members'
  | 'audit';

export interface NavItem {
  href: ResolvedPathname;
  label: string;
  icon: NavIconName;
  /** Roles that see the item (DESIGN.md "Roles"). */
  roles: readonly Role[];
  /** A count of work waiting for the user, shown beside the label (rectweb: the rectification list's). */
  badge?: 'rectifications';
}

/**
 * 企业检查 lives in `routes/(app)/inspections/`, which the inspections work adds; until that route exists SvelteKit's
 * route types do not know the path (and the link shows the 页面不存在 page), hence the cast.
 */
const INSPECTIONS_PATH = '/inspections' as ResolvedPathname;

const ALL: readonly Role[] = ['enterprise', 'inspector', 'project', 'supervisor'];

/** The navigation of the provincial system (省安管系统), in its order. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: resolve('/projects'), label: '项目信息', icon: 'projects', roles: ALL },
  { href: resolve('/registry'), label: '项目登记', icon: 'registry', roles: ['supervisor'] },
  { href: resolve('/terminations'), label: '终止监督评定', icon: 'registry', roles: ['supervisor'] },
  { href: INSPECTIONS_PATH, label: '企业检查', icon: 'inspections', roles: ['enterprise', 'inspector'] },
  { href: resolve('/inspections/self'), label: '项目自查', icon: 'inspections', roles: ['project'] },
  { href: resolve('/inspections/spot'), label: '安监抽查', icon: 'inspections', roles: ['supervisor'] },
  // One rectification list, named for what each side does with it.
  {
    href: resolve('/rectifications'),
    label: '整改回复',
    icon: 'rectifications',
    roles: ['project'],
    badge: 'rectifications',
  },
  {
    href: resolve('/rectifications'),
    label: '整改跟踪',
    icon: 'rectifications',
    roles: ['enterprise', 'inspector', 'supervisor'],
    badge: 'rectifications',
  },
  {
    href: resolve('/monthly'),
    label: '标准化月评统计',
    icon: 'monthly',
    roles: ['enterprise', 'project', 'supervisor'],
  },
  { href: resolve('/dangerous-works'), label: '危大工程管理', icon: 'hazards', roles: ALL },
  { href: resolve('/stats'), label: '统计分析', icon: 'stats', roles: ['enterprise', 'supervisor'] },
  { href: resolve('/alerts'), label: '预警提醒', icon: 'alerts', roles: ALL },
  { href: resolve('/members'), label: '账号管理', icon: 'members', roles: ['enterprise'] },
  { href: resolve('/audit'), label: '安全审计', icon: 'audit', roles: ['enterprise', 'supervisor'] },
];

export const navItemsFor = (role: Role) => NAV_ITEMS.filter((item) => item.roles.includes(role));

/** Whether `pathname` is inside the section `href`. */
export const isActive = (href: string, pathname: string): boolean =>
  pathname === href || pathname.startsWith(`${href}/`);
