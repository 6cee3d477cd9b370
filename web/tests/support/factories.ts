/**
 * Valid, unique identifiers and accounts for e2e tests. Check characters are computed by trying every candidate
 * against the same validators the app uses, so the factories never drift from the rules.
 *
 * @module
 */
// The validators' own modules rather than the package entry: the entry also loads the standards catalogs, whose
// plain JSON imports Node's ESM loader (which runs Playwright specs) refuses without an import attribute.
import { checkCreditCode } from '../../../packages/standards/src/identifiers/credit-code';
import { checkMobile } from '../../../packages/standards/src/identifiers/mobile';
import { checkResidentId } from '../../../packages/standards/src/identifiers/resident-id';

/** GB 32100-2015 character set (no I, O, Z, S, V). */
const CREDIT_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
let sequence = 0;

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(Math.random() * alphabet.length));
  return out;
}

/** Unique within a run: a per-worker counter plus randomness (each worker is its own process). */
function uniqueDigits(length: number): string {
  sequence += 1;
  const counter = String(sequence % 1000).padStart(3, '0');
  return (randomFrom('0123456789', length - 3) + counter).slice(-length);
}

function completeWith(body: string, candidates: string, isValid: (value: string) => boolean): string {
  for (const char of candidates) {
    if (isValid(body + char)) return body + char;
  }
  throw new Error(`no check character makes ${body}? valid`);
}

/** A 统一社会信用代码 of a Nanjing company (91 + 320100 + 9 random characters + check character). */
export function makeCreditCode(): string {
  const body = `91320100${uniqueDigits(3)}${randomFrom(CREDIT_CHARSET, 6)}`;
  return completeWith(body, CREDIT_CHARSET, (code) => checkCreditCode(code).ok);
}

/** A 18-digit 身份证号 born 1985-06-12 in 南京市玄武区. */
export function makeResidentId(): string {
  return completeWith(`32010219850612${uniqueDigits(3)}`, '0123456789X', (id) => checkResidentId(id).ok);
}

/** A mainland 手机号 starting with 139. */
export function makeMobile(): string {
  const mobile = `139${uniqueDigits(8)}`;
  if (!checkMobile(mobile).ok) throw new Error(`factory made an invalid mobile ${mobile}`);
  return mobile;
}

export interface EnterpriseData {
  creditCode: string;
  name: string;
  password: string;
  contactName: string;
  contactIdNumber: string;
  contactPhone: string;
}

export function makeEnterprise(overrides: Partial<EnterpriseData> = {}): EnterpriseData {
  const creditCode = overrides.creditCode ?? makeCreditCode();
  return {
    creditCode,
    name: `江苏测试建设集团${creditCode.slice(-4)}有限公司`,
    password: 'Anquan2024',
    contactName: '王建国',
    contactIdNumber: makeResidentId(),
    contactPhone: makeMobile(),
    ...overrides,
  };
}

export interface InspectorData {
  name: string;
  phone: string;
  password: string;
}

export function makeInspector(overrides: Partial<InspectorData> = {}): InspectorData {
  return { name: '李检查', phone: makeMobile(), password: 'Jiancha2024', ...overrides };
}
