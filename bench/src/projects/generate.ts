import type Database from 'better-sqlite3';

/**
 * The benchmark's province (not timed): 13 cities with 8 districts each, 2,000 enterprises and 20,000 projects,
 * one enterprise holding 2,000 of them and 南京 holding a fifth; per project about a year of inspection rows
 * (as the inspection materializer writes them), a 超危大 work or two and, for half of them, a crane.
 */
export const PROJECTS = 20_000;
export const ENTERPRISES = 2_000;
export const BIG_ENTERPRISE_PROJECTS = 2_000;
export const CITY_CODES = Array.from({ length: 13 }, (_, i) => `32${String(i + 1).padStart(2, '0')}00`);

export interface Generated {
  bigEnterpriseId: string;
  nanjingProjects: number;
}

/** Deterministic pseudo-random integers (LCG), so every run measures the same data. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

export function generate(sqlite: Database.Database, now: number): Generated {
  const rand = lcg(42);
  const insertRegion = sqlite.prepare('INSERT INTO regions (code, name, parent_code) VALUES (?, ?, ?)');
  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, credit_code, name, contact_name, contact_id_hash, contact_id_masked, contact_phone, created_at)
     VALUES (?, ?, ?, 'x', 'x', 'x', '13800000000', ?)`,
  );
  const insertProject = sqlite.prepare(
    `INSERT INTO projects (id, filing_number, name, address, region_code, constructor_credit_code, constructor_name,
       enterprise_id, status, start_date, expected_completion_date, special, required_inspections_per_year)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertInspection = sqlite.prepare(
    `INSERT INTO inspections (id, doc_name, project_id, origin, method, date, status, inspectors, rectification_required,
       finding_count, created_by_user_id, created_at, sealed_at, self_score, materialized_at)
     VALUES (?, ?, ?, ?, ?, ?, 'completed', '[]', 0, 0, 'u', ?, ?, ?, ?)`,
  );
  const insertWork = sqlite.prepare(
    `INSERT INTO dangerous_works (project_id, work_id, name, category, created_at) VALUES (?, ?, '深基坑', 'foundation_pit', '')`,
  );
  const insertEquipment = sqlite.prepare(
    `INSERT INTO project_equipment (project_id, equipment_id, type, name, registration_number, next_inspection_date,
       created_at, operators) VALUES (?, ?, 'tower_crane', '塔吊', '', ?, '', ?)`,
  );
  const districts: string[] = [];
  sqlite.transaction(() => {
    insertRegion.run('320000', '江苏省', null);
    for (const city of CITY_CODES) {
      insertRegion.run(city, `城市${city}`, '320000');
      for (let d = 1; d <= 8; d++) {
        const code = `${city.slice(0, 4)}${String(d).padStart(2, '0')}`;
        insertRegion.run(code, `区县${code}`, city);
        districts.push(code);
      }
    }
    for (let e = 0; e < ENTERPRISES; e++) {
      insertEnterprise.run(`e${e}`, `CC${String(e).padStart(16, '0')}`, `企业${e}`, now);
    }
  })();
  let nanjingProjects = 0;
  const months = [
    '2026-01',
    '2026-02',
    '2026-03',
    '2026-04',
    '2026-05',
    '2026-06',
    '2026-07',
    '2026-08',
    '2026-09',
    '2026-10',
    '2026-11',
  ];
  sqlite.transaction(() => {
    for (let p = 0; p < PROJECTS; p++) {
      const enterprise = p < BIG_ENTERPRISE_PROJECTS ? 0 : 1 + (p % (ENTERPRISES - 1));
      // 南京 (3201xx) gets a fifth of the province; the rest spread over the other cities.
      const district = rand(5) === 0 ? districts[rand(8)]! : districts[8 + rand(districts.length - 8)]!;
      if (district.startsWith('3201')) nanjingProjects++;
      const status = p % 10 < 7 ? 'in_construction' : p % 10 < 9 ? 'completed' : 'terminated';
      const id = `p${p}`;
      insertProject.run(
        id,
        `F${String(p).padStart(8, '0')}`,
        `项目${p}号楼`,
        '地址',
        district,
        `CC${String(enterprise).padStart(16, '0')}`,
        `企业${enterprise}`,
        `e${enterprise}`,
        status,
        '2025-01-01',
        '2027-12-31',
        p % 17 === 0 ? 1 : 0,
        3,
      );
      for (const month of months) {
        if (rand(4) === 0) continue;
        const iid = `${id}-m${month}`;
        insertInspection.run(
          iid,
          `inspection:${iid}`,
          id,
          'monthly',
          'internal',
          `${month}-2${rand(8)}`,
          now,
          now,
          '88.50',
          now,
        );
      }
      for (let k = 0; k < 6; k++) {
        const iid = `${id}-i${k}`;
        const origin = (['enterprise', 'self', 'spot', 'enterprise', 'self', 'self'] as const)[k]!;
        insertInspection.run(
          iid,
          `inspection:${iid}`,
          id,
          origin,
          'jgj59',
          `2026-${String(1 + rand(11)).padStart(2, '0')}-1${rand(9)}`,
          now,
          now,
          null,
          now,
        );
      }
      if (p % 3 === 0) insertWork.run(id, `w${p}`);
      // Half the projects have a crane whose inspection and operators' certificates fall either side of today.
      if (p % 2 === 0) {
        const operators = [0, 1].map((o) => ({
          name: `司机${o}`,
          certificateNumber: `C${p}-${o}`,
          validUntil: `202${6 + rand(2)}-0${1 + rand(9)}-10`,
        }));
        insertEquipment.run(
          id,
          `q${p}`,
          `2026-${String(1 + rand(12)).padStart(2, '0')}-15`,
          JSON.stringify(operators),
        );
      }
    }
  })();
  return { bigEnterpriseId: 'e0', nanjingProjects };
}
