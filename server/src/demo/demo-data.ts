/**
 * The demo province: a few Jiangsu regions, three enterprises, their projects and one account of every role.
 * Identifiers come from the valid vectors in ../shared/standards/identifiers.json, so they pass the same
 * validators as real input. The README lists these accounts; keep the two in step.
 */

export const DEMO_PASSWORD = 'Anguan2026';

export const DEMO_REGIONS = [
  { code: '320000', name: '江苏省', parentCode: null },
  { code: '320100', name: '南京市', parentCode: '320000' },
  { code: '320200', name: '无锡市', parentCode: '320000' },
  { code: '320500', name: '苏州市', parentCode: '320000' },
  { code: '320583', name: '昆山市', parentCode: '320500' },
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

type DemoProject = {
  filingNumber: string;
  name: string;
  address: string;
  regionCode: string;
  constructorCreditCode: string;
  status: 'in_construction' | 'completed' | 'terminated';
  startDate: string;
  expectedCompletionDate: string;
};

const [anjian, hongda, minjiang] = DEMO_ENTERPRISES;

export const DEMO_PROJECTS: readonly DemoProject[] = [
  project('3201002025001', '河西南部安置房一期（A地块）', '南京市建邺区江东南路88号', '320100', anjian, '2025-03-01', '2027-06-30'),
  project('3201002025014', '江北新区研创园综合楼', '南京市浦口区浦滨路150号', '320100', anjian, '2025-06-15', '2027-03-31'),
  project('3201002024037', '秦淮区老旧小区改造（三标段）', '南京市秦淮区石门坎路', '320100', anjian, '2024-09-10', '2026-08-31'),
  project('3202002025008', '无锡太湖新城学校扩建工程', '无锡市经开区贡湖大道', '320200', anjian, '2025-02-20', '2026-12-31'),
  project('3210002025003', '扬州广陵区人民医院门诊楼', '扬州市广陵区文昌东路', '321000', anjian, '2025-04-01', '2027-10-31'),
  project('3201002023052', '鼓楼区商业综合体（已竣工）', '南京市鼓楼区中山北路', '320100', anjian, '2023-05-01', '2025-11-30', 'completed'),
  project('3205832025021', '昆山花桥厂房二期', '昆山市花桥镇绿地大道', '320583', hongda, '2025-01-15', '2026-09-30'),
  project('3205832025030', '昆山玉山镇保障房', '昆山市玉山镇前进西路', '320583', hongda, '2025-07-01', '2027-05-31'),
  project('3205002025044', '苏州工业园区物流中心', '苏州市工业园区港田路', '320500', minjiang, '2025-05-10', '2026-11-30'),
];

function project(
  filingNumber: string,
  name: string,
  address: string,
  regionCode: string,
  enterprise: (typeof DEMO_ENTERPRISES)[number],
  startDate: string,
  expectedCompletionDate: string,
  status: DemoProject['status'] = 'in_construction',
): DemoProject {
  return {
    filingNumber,
    name,
    address,
    regionCode,
    constructorCreditCode: enterprise.creditCode,
    status,
    startDate,
    expectedCompletionDate,
  };
}

export const DEMO_CONSTRUCTOR_NAMES = new Map<string, string>(DEMO_ENTERPRISES.map((e) => [e.creditCode, e.name]));

/** One account of each member role for 江苏安建; supervisors for 南京 and 昆山. */
export const DEMO_INSPECTORS = [
  { enterpriseCreditCode: anjian.creditCode, name: '李安全', phone: '13800000001' },
  { enterpriseCreditCode: anjian.creditCode, name: '赵质检', phone: '13800000002' },
] as const;

export const DEMO_PROJECT_ACCOUNTS = [{ enterpriseCreditCode: anjian.creditCode, filingNumber: '3201002025001' }] as const;

export const DEMO_SUPERVISORS = [
  { username: 'nanjing', displayName: '南京市建筑安全监督站', regionCode: '320100' },
  { username: 'kunshan', displayName: '昆山市建设工程质量安全监督站', regionCode: '320583' },
] as const;
