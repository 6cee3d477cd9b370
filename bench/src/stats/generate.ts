import type Database from 'better-sqlite3';
import { getInspectionTermTree, getJgj59Catalog, walkTerms } from '@anguan/standards';

/**
 * The statistics benchmark's province (not timed): 13 cities × 8 districts, 2,000 enterprises, 20,000 projects
 * (one enterprise holds 2,000, 南京 a fifth), `inspectionsPerProject` sealed inspections per project in 2026 (JGJ59
 * with scores and grades, terms, monthly evaluations), `findingsPerInspection` findings each, a rectification for
 * one inspection in ten and a 超危大 work for every third project. Rows are written as the materializers write them.
 */
export const PROJECTS = 20_000;
export const ENTERPRISES = 2_000;
export const BIG_ENTERPRISE_PROJECTS = 2_000;
const CITY_CODES = Array.from({ length: 13 }, (_, i) => `32${String(i + 1).padStart(2, '0')}00`);
const ORIGINS = ['enterprise', 'self', 'monthly', 'spot', 'self'] as const;

function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

export interface Scale {
  inspectionsPerProject: number;
  findingsPerInspection: number;
}

function seedRegionsAndEnterprises(sqlite: Database.Database, now: number): string[] {
  const insertRegion = sqlite.prepare('INSERT INTO regions (code, name, parent_code) VALUES (?, ?, ?)');
  const insertEnterprise = sqlite.prepare(
    `INSERT INTO enterprises (id, credit_code, name, contact_name, contact_id_hash, contact_id_masked, contact_phone, created_at)
     VALUES (?, ?, ?, 'x', 'x', 'x', '13800000000', ?)`,
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
  return districts;
}

export function generate(sqlite: Database.Database, now: number, scale: Scale) {
  // Not timed, and thrown away after the run: no fsync per transaction, a larger page cache for the index inserts.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('cache_size = -262144');
  try {
    return generateRows(sqlite, now, scale);
  } finally {
    sqlite.pragma('synchronous = NORMAL');
  }
}

function generateRows(sqlite: Database.Database, now: number, scale: Scale) {
  const rand = lcg(7);
  const districts = seedRegionsAndEnterprises(sqlite, now);
  const items = getJgj59Catalog().tables.flatMap((t) => t.items.map((i) => [t.id, i.id] as const));
  const phrases = [...walkTerms(getInspectionTermTree().categories)].flatMap((n) =>
    n.kind === 'phrase' ? [[n.id, n.hazardLevel] as const] : [],
  );
  const insertProject = sqlite.prepare(
    `INSERT INTO projects (id, filing_number, name, region_code, constructor_credit_code, constructor_name,
       enterprise_id, status, start_date, expected_completion_date, special, required_inspections_per_year)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2025-06-01', '2027-12-31', 0, 3)`,
  );
  const insertInspection = sqlite.prepare(
    `INSERT INTO inspections (id, doc_name, project_id, origin, method, date, status, total, grade, inspectors,
       rectification_required, finding_count, created_by_user_id, created_at, sealed_at, materialized_at)
     VALUES (?, ?, ?, ?, ?, ?, 'completed', ?, ?, '[]', ?, ?, 'u', ?, ?, ?)`,
  );
  const insertFinding = sqlite.prepare(
    `INSERT INTO inspection_findings (inspection_id, kind, table_id, item_id, term_id, points, occurrences, hazard_level)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRectification = sqlite.prepare(
    `INSERT INTO rectifications (inspection_id, doc_name, project_id, origin, state, deadline, requirement,
       rectifier_name, rounds, opened_at, closed_at, days_to_close, materialized_at)
     VALUES (?, ?, ?, 'enterprise', ?, ?, '整改', '张三', 1, ?, ?, ?, ?)`,
  );
  const insertWork = sqlite.prepare(
    `INSERT INTO dangerous_works (project_id, work_id, name, category, created_at) VALUES (?, ?, '深基坑', 'foundation_pit', '')`,
  );
  let inspectionsWritten = 0;
  let findingsWritten = 0;
  for (let p0 = 0; p0 < PROJECTS; p0 += 500) {
    sqlite.transaction(() => {
      for (let p = p0; p < Math.min(PROJECTS, p0 + 500); p++) {
        const enterprise = p < BIG_ENTERPRISE_PROJECTS ? 0 : 1 + (p % (ENTERPRISES - 1));
        const district = rand(5) === 0 ? districts[rand(8)]! : districts[8 + rand(districts.length - 8)]!;
        const status = p % 10 < 7 ? 'in_construction' : p % 10 < 9 ? 'completed' : 'terminated';
        const id = `p${p}`;
        const cc = `CC${String(enterprise).padStart(16, '0')}`;
        insertProject.run(
          id,
          `F${String(p).padStart(8, '0')}`,
          `项目${p}号楼`,
          district,
          cc,
          `企业${enterprise}`,
          `e${enterprise}`,
          status,
        );
        if (p % 3 === 0) insertWork.run(id, `w${p}`);
        for (let k = 0; k < scale.inspectionsPerProject; k++) {
          const iid = `${id}-${k}`;
          const origin = ORIGINS[k % ORIGINS.length]!;
          const method = origin === 'monthly' ? 'internal' : k % 7 === 3 ? 'terms' : 'jgj59';
          const month = 1 + ((k * 7 + p) % 11);
          const date = `2026-${String(month).padStart(2, '0')}-${String(1 + rand(28)).padStart(2, '0')}`;
          const score = method === 'jgj59' ? 55 + rand(4400) / 100 : null;
          const grade = score === null ? null : score >= 80 ? '优良' : score >= 70 ? '合格' : '不合格';
          // Monthly evaluations (a fifth) carry no findings; the rest carry 5 × 5/4 on average, so the total is 5 per inspection.
          const findings =
            method === 'internal'
              ? 0
              : Math.floor(((k + 1) * scale.findingsPerInspection * 5) / 4) -
                Math.floor((k * scale.findingsPerInspection * 5) / 4);
          const rectify = k % 10 === 0 ? 1 : 0;
          insertInspection.run(
            iid,
            `inspection:${iid}`,
            id,
            origin,
            method,
            date,
            score?.toFixed(2) ?? null,
            grade,
            rectify,
            findings,
            now,
            now,
            now,
          );
          inspectionsWritten++;
          for (let f = 0; f < findings; f++) {
            if (method === 'terms') {
              const [termId, level] = phrases[rand(phrases.length)]!;
              insertFinding.run(iid, 'term', null, null, termId, null, null, level);
            } else {
              const [tableId, itemId] = items[rand(items.length)]!;
              insertFinding.run(iid, 'deduction', tableId, itemId, null, `${1 + rand(5)}.00`, 1, null);
            }
            findingsWritten++;
          }
          if (rectify) {
            const state = (['pending', 'replied', 'passed', 'passed', 'returned'] as const)[rand(5)]!;
            const opened = Date.parse(`${date}T10:00:00+08:00`);
            const days = state === 'passed' ? 1 + rand(20) : null;
            insertRectification.run(
              iid,
              `rectification:${iid}`,
              id,
              state,
              date.slice(0, 8) + '28',
              opened,
              days === null ? null : opened + days * 86_400_000,
              days,
              now,
            );
          }
        }
      }
    })();
  }
  return { inspections: inspectionsWritten, findings: findingsWritten };
}
