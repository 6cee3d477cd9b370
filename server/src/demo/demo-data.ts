/**
 * The demo province: a few Jiangsu regions, three enterprises, their projects and one account of every role.
 * Identifiers come from the valid vectors in ../shared/standards/identifiers.json, so they pass the same
 * validators as real input. The README lists these accounts; keep the two in step.
 */

export const DEMO_PASSWORD = 'Anguan2026';

/** Two cities with their districts (GB/T 2260), plus the province and two cities without a station account. */
export const DEMO_REGIONS = [
  { code: '320000', name: '江苏省', parentCode: null },
  { code: '320100', name: '南京市', parentCode: '320000' },
  { code: '320102', name: '玄武区', parentCode: '320100' },
  { code: '320104', name: '秦淮区', parentCode: '320100' },
  { code: '320105', name: '建邺区', parentCode: '320100' },
  { code: '320106', name: '鼓楼区', parentCode: '320100' },
  { code: '320111', name: '浦口区', parentCode: '320100' },
  { code: '320113', name: '栖霞区', parentCode: '320100' },
  { code: '320500', name: '苏州市', parentCode: '320000' },
  { code: '320505', name: '虎丘区', parentCode: '320500' },
  { code: '320506', name: '吴中区', parentCode: '320500' },
  { code: '320507', name: '相城区', parentCode: '320500' },
  { code: '320583', name: '昆山市', parentCode: '320500' },
  { code: '320200', name: '无锡市', parentCode: '320000' },
  { code: '321000', name: '扬州市', parentCode: '320000' },
] as const;

export const DEMO_ENTERPRISES = [
  {
    creditCode: '91320100MA1MXX0A01',
    name: '江苏安建建设集团有限公司',
    contactName: '王建国',
    contactIdNumber: '320102198506120034',
    contactPhone: '13812345678',
  },
  {
    creditCode: '92320583L9UQ0T1R04',
    name: '昆山市宏达建筑安装有限公司',
    contactName: '陈秀英',
    contactIdNumber: '32058319921130472X',
    contactPhone: '13962600001',
  },
  {
    creditCode: '91350100M000100Y43',
    name: '福建闽江建工集团有限公司',
    contactName: '林海',
    contactIdNumber: '321002200002290086',
    contactPhone: '13505910001',
  },
] as const;

/**
 * The named projects the README and the e2e specs refer to. Dates are offsets in days from today (negative: past),
 * so the province never goes stale; `completedDaysAgo` files 竣工备案 that many days ago.
 */
export interface DemoProject {
  filingNumber: string;
  name: string;
  address: string;
  regionCode: string;
  constructorCreditCode: string;
  startOffset: number;
  expectedCompletionOffset: number;
  completedDaysAgo?: number;
}

const [anjian, hongda, minjiang] = DEMO_ENTERPRISES;

export const DEMO_PROJECTS: readonly DemoProject[] = [
  named(
    '3201002025001',
    '河西南部安置房一期（A地块）',
    '南京市建邺区江东南路88号',
    '320105',
    anjian,
    -640,
    575,
  ),
  named('3201002025014', '江北新区研创园综合楼', '南京市浦口区浦滨路150号', '320111', anjian, -535, 485),
  named('3201002024037', '秦淮区老旧小区改造（三标段）', '南京市秦淮区石门坎路', '320104', anjian, -815, 270),
  named('3202002025008', '无锡太湖新城学校扩建工程', '无锡市经开区贡湖大道', '320200', anjian, -650, 30),
  named('3210002025003', '扬州广陵区人民医院门诊楼', '扬州市广陵区文昌东路', '321000', anjian, -610, 700),
  // DESIGN's promise: completed more than 30 days ago and never terminated.
  named(
    '3201002023052',
    '鼓楼区商业综合体（已竣工）',
    '南京市鼓楼区中山北路',
    '320106',
    anjian,
    -1290,
    -60,
    45,
  ),
  named('3205832025021', '昆山花桥厂房二期', '昆山市花桥镇绿地大道', '320583', hongda, -685, 300),
  named('3205832025030', '昆山玉山镇保障房', '昆山市玉山镇前进西路', '320583', hongda, -515, 545),
  named('3205052025044', '苏州工业园区物流中心', '苏州市虎丘区港田路', '320505', minjiang, -570, -5),
  // DESIGN's promises: completed within the last 30 days; more than 90 days past expected completion and building.
  named(
    '3201132025090',
    '栖霞区仙林湖小学新建工程',
    '南京市栖霞区仙林大道9号',
    '320113',
    anjian,
    -600,
    -20,
    12,
  ),
  named('3201022024088', '玄武区科技园三期', '南京市玄武区珠江路699号', '320102', anjian, -900, -120),
];

function named(
  filingNumber: string,
  name: string,
  address: string,
  regionCode: string,
  enterprise: (typeof DEMO_ENTERPRISES)[number],
  startOffset: number,
  expectedCompletionOffset: number,
  completedDaysAgo?: number,
): DemoProject {
  return {
    filingNumber,
    name,
    address,
    regionCode,
    constructorCreditCode: enterprise.creditCode,
    startOffset,
    expectedCompletionOffset,
    completedDaysAgo,
  };
}

export const DEMO_CONSTRUCTOR_NAMES = new Map<string, string>(
  DEMO_ENTERPRISES.map((e) => [e.creditCode, e.name]),
);

/** Inspectors of every enterprise (the README lists 江苏安建's two). */
export const DEMO_INSPECTORS = [
  { enterpriseCreditCode: anjian.creditCode, name: '李安全', phone: '13800000001' },
  { enterpriseCreditCode: anjian.creditCode, name: '赵质检', phone: '13800000002' },
  { enterpriseCreditCode: hongda.creditCode, name: '周振华', phone: '13800000003' },
  { enterpriseCreditCode: minjiang.creditCode, name: '郑明', phone: '13800000004' },
] as const;

/** Project departments whose password is the demo password (the others' first password is issued by their enterprise). */
export const DEMO_PROJECT_ACCOUNTS = ['3201002025001', '3205832025021'] as const;

/** Stations: 南京 and 苏州 cities, 昆山 (a county-level city), and the province's 总站 that registered the projects. */
export const DEMO_SUPERVISORS = [
  { username: 'nanjing', displayName: '南京市建筑安全监督站', regionCode: '320100' },
  { username: 'suzhou', displayName: '苏州市建设工程安全监督站', regionCode: '320500' },
  { username: 'kunshan', displayName: '昆山市建设工程质量安全监督站', regionCode: '320583' },
  { username: 'jiangsu', displayName: '江苏省建筑安全监督总站', regionCode: '320000' },
] as const;

/** A constructor that never registers: its projects stay unlinked (the supervisors still see them). */
export const DEMO_UNREGISTERED_CONSTRUCTOR = {
  name: '南京城建第三工程有限公司',
  creditCodeBody: '91320106MA1NJCJ03',
} as const;
