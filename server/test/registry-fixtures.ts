import ExcelJS from 'exceljs';
import { hashSecret } from '../src/auth/passwords.js';
import { regions, users } from '../src/db/schema/index.js';
import type { AppDeps } from '../src/deps.js';
import { PROJECT_COLUMNS } from '../src/registry/input.js';
import { TestClient } from './test-server.js';

export const PASSWORD = 'Anquan2026';

/** 南京 (建邺, 鼓楼) and 苏州 (昆山) with a city supervisor for 南京 and a district one for 昆山. */
export async function seedRegionsAndSupervisors(deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  db.insert(regions)
    .values([
      { code: '320000', name: '江苏省', parentCode: null },
      { code: '320100', name: '南京市', parentCode: '320000' },
      { code: '320105', name: '建邺区', parentCode: '320100' },
      { code: '320106', name: '鼓楼区', parentCode: '320100' },
      { code: '320500', name: '苏州市', parentCode: '320000' },
      { code: '320583', name: '昆山市', parentCode: '320500' },
    ])
    .run();
  const passwordHash = await hashSecret(PASSWORD);
  const now = deps.now();
  db.insert(users)
    .values(
      [
        ['nanjing', '南京市建筑安全监督站', '320100'],
        ['kunshan', '昆山市建设工程质量安全监督站', '320583'],
      ].map(([login, displayName, regionCode]) => ({
        id: crypto.randomUUID(),
        role: 'supervisor' as const,
        login: login!,
        passwordHash,
        displayName: displayName!,
        regionCode: regionCode!,
        createdAt: now,
        passwordChangedAt: now,
      })),
    )
    .run();
}

export async function signIn(baseUrl: string, login: string, password = PASSWORD): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const res = await client.post('/api/auth/login', { login, password });
  if (res.status !== 200) throw new Error(`login ${login} failed: ${res.status} ${JSON.stringify(res.json)}`);
  return client;
}

export const ANJIAN = '91320100MA1MXX0A01';
export const HONGDA = '92320583L9UQ0T1R04';

/** A valid registration body; override any field. */
export function projectInput(overrides: Record<string, unknown> = {}) {
  return {
    filingNumber: '3201052026001',
    name: '建邺区滨江住宅一期',
    address: '南京市建邺区江东中路1号',
    regionCode: '320105',
    constructorName: '江苏安建建设集团有限公司',
    constructorCreditCode: ANJIAN,
    builderName: '南京滨江置业有限公司',
    startDate: '2026-01-10',
    expectedCompletionDate: '2027-06-30',
    ...overrides,
  };
}

/** An .xlsx in the template's layout holding `rows` (objects keyed by field). */
export async function projectWorkbook(rows: Array<Record<string, unknown>>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('项目');
  sheet.addRow(PROJECT_COLUMNS.map((c) => c.header));
  for (const row of rows) sheet.addRow(PROJECT_COLUMNS.map((c) => row[c.field] ?? null));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs raw file bytes the way the web app uploads them. */
export async function upload(client: TestClient, url: string, bytes: Uint8Array, contentType: string) {
  const response = await fetch(client.baseUrl + url, {
    method: 'POST',
    headers: { origin: client.baseUrl, cookie: client.cookieHeader, 'content-type': contentType },
    body: bytes,
  });
  return { status: response.status, json: (await response.json()) as any };
}
