import { checkCreditCode, checkFilingNumber } from '@anguan/standards';

/** A project as the supervisor registers it (监督备案), validated. */
export interface ProjectInput {
  filingNumber: string;
  name: string;
  address: string | null;
  /** District (or city) 行政区划码. */
  regionCode: string;
  constructorName: string;
  constructorCreditCode: string;
  builderName: string | null;
  supervisionFirmName: string | null;
  projectManager: string | null;
  area: number | null;
  contractAmount: number | null;
  structure: string | null;
  startDate: string | null;
  expectedCompletionDate: string | null;
  special: boolean;
  requiredInspectionsPerYear: number;
}

export interface FieldError {
  field: keyof ProjectInput;
  message: string;
}

export const DEFAULT_REQUIRED_INSPECTIONS = 3;
/** Special projects are inspected more often; 6 unless the supervisor sets another number. */
export const DEFAULT_SPECIAL_REQUIRED_INSPECTIONS = 6;

/** The fields in template order with their zh-CN column headers (the import template and error report use them). */
export const PROJECT_COLUMNS: ReadonlyArray<{
  field: keyof ProjectInput;
  header: string;
  required: boolean;
}> = [
  { field: 'filingNumber', header: '监督备案号', required: true },
  { field: 'name', header: '项目名称', required: true },
  { field: 'address', header: '项目地址', required: false },
  { field: 'regionCode', header: '所在区县代码', required: true },
  { field: 'constructorName', header: '施工单位', required: true },
  { field: 'constructorCreditCode', header: '施工单位统一社会信用代码', required: true },
  { field: 'builderName', header: '建设单位', required: false },
  { field: 'supervisionFirmName', header: '监理单位', required: false },
  { field: 'projectManager', header: '项目经理', required: false },
  { field: 'area', header: '建筑面积（㎡）', required: false },
  { field: 'contractAmount', header: '合同价（万元）', required: false },
  { field: 'structure', header: '结构类型', required: false },
  { field: 'startDate', header: '开工日期', required: false },
  { field: 'expectedCompletionDate', header: '计划竣工日期', required: false },
  { field: 'special', header: '特殊项目（是/否）', required: false },
  { field: 'requiredInspectionsPerYear', header: '每年企业检查次数', required: false },
];

export const headerOf = (field: keyof ProjectInput): string =>
  PROJECT_COLUMNS.find((c) => c.field === field)?.header ?? field;

type Raw = Record<string, unknown>;

/** Validates a raw project (JSON body or one import row): every problem, or the clean input. */
export function parseProjectInput(
  raw: Raw,
): { input: ProjectInput; errors: [] } | { input: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: keyof ProjectInput, message: string) => void errors.push({ field, message });
  const text = (field: keyof ProjectInput, max: number, required: boolean): string | null => {
    const value = raw[field];
    const s = value === undefined || value === null ? '' : String(value).trim();
    if (s === '') return required ? (fail(field, `请填写${headerOf(field)}`), null) : null;
    if (s.length > max) return (fail(field, `${headerOf(field)}不能超过${max}个字`), null);
    return s;
  };
  const filing = text('filingNumber', 32, true);
  const filingCheck = filing === null ? null : checkFilingNumber(filing);
  if (filingCheck && !filingCheck.ok) fail('filingNumber', filingCheck.message);
  const credit = text('constructorCreditCode', 18, true);
  const creditCheck = credit === null ? null : checkCreditCode(credit);
  if (creditCheck && !creditCheck.ok) fail('constructorCreditCode', `施工单位${creditCheck.message}`);
  const regionCode = text('regionCode', 6, true);
  if (regionCode !== null && !/^\d{6}$/.test(regionCode)) {
    fail('regionCode', '所在区县代码应为6位数字行政区划代码');
  }
  const startDate = date(raw, 'startDate', fail);
  const expectedCompletionDate = date(raw, 'expectedCompletionDate', fail);
  if (startDate && expectedCompletionDate && expectedCompletionDate < startDate) {
    fail('expectedCompletionDate', '计划竣工日期不能早于开工日期');
  }
  const special = bool(raw.special, () => fail('special', '特殊项目应填“是”或“否”'));
  const required = count(raw.requiredInspectionsPerYear, () =>
    fail('requiredInspectionsPerYear', '每年企业检查次数应为1至52之间的整数'),
  );
  const input: ProjectInput = {
    filingNumber: filingCheck?.ok ? filingCheck.value.toUpperCase() : '',
    name: text('name', 200, true) ?? '',
    address: text('address', 200, false),
    regionCode: regionCode ?? '',
    constructorName: text('constructorName', 200, true) ?? '',
    constructorCreditCode: creditCheck?.ok ? creditCheck.value : '',
    builderName: text('builderName', 200, false),
    supervisionFirmName: text('supervisionFirmName', 200, false),
    projectManager: text('projectManager', 50, false),
    area: amount(raw, 'area', fail),
    contractAmount: amount(raw, 'contractAmount', fail),
    structure: text('structure', 50, false),
    startDate,
    expectedCompletionDate,
    special,
    requiredInspectionsPerYear:
      required ?? (special ? DEFAULT_SPECIAL_REQUIRED_INSPECTIONS : DEFAULT_REQUIRED_INSPECTIONS),
  };
  return errors.length > 0 ? { input: null, errors } : { input, errors: [] };
}

type Fail = (field: keyof ProjectInput, message: string) => void;

/** YYYY-MM-DD of a real calendar day (a spreadsheet date cell arrives as a Date), or null when empty. */
export function calendarDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (value instanceof Date) {
    // exceljs reads a date cell as UTC midnight of the day shown.
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  }
  const s = String(value).trim().replace(/\//g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : undefined;
}

function date(raw: Raw, field: keyof ProjectInput, fail: Fail): string | null {
  const value = calendarDate(raw[field]);
  if (value === undefined) fail(field, `${headerOf(field)}应为有效日期，格式 YYYY-MM-DD`);
  return value ?? null;
}

function amount(raw: Raw, field: keyof ProjectInput, fail: Fail): number | null {
  const value = raw[field];
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).replace(/,/g, '').trim());
  if (!Number.isFinite(n) || n < 0 || n > 1e9) {
    return (fail(field, `${headerOf(field)}应为不小于0的数字`), null);
  }
  return n;
}

function bool(value: unknown, onInvalid: () => void): boolean {
  if (value === undefined || value === null || value === '' || value === false) return false;
  if (value === true) return true;
  const s = String(value).trim();
  if (['是', 'true', '1', 'Y', 'y'].includes(s)) return true;
  if (['否', 'false', '0', 'N', 'n'].includes(s)) return false;
  onInvalid();
  return false;
}

function count(value: unknown, onInvalid: () => void): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isInteger(n) || n < 1 || n > 52) return (onInvalid(), null);
  return n;
}
