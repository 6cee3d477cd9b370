import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { AppDeps } from '../deps.js';
import { addDocRef, recordUpload } from '../blobs/queries.js';
import { BlobStore } from '../blobs/store.js';
import { documents, projects, users } from '../db/schema/index.js';
import { replaceProjectRows } from '../projects/materializer.js';
import { regionCovers } from '../projects/regions.js';
import { SqliteUpdateLog } from '../sync/update-log.js';
import type { DemoScan } from './demo-content.js';
import {
  projectInspections,
  type DemoDocument,
  type DemoPerson,
  type ProjectCast,
  type ProjectSpan,
} from './demo-documents.js';
import { projectDocument } from './demo-project-docs.js';
import { DEMO_SUPERVISORS } from './demo-data.js';
import { addDays, type DemoRandom } from './random.js';

/** Projects whose current month stays without a 标准化月评 (the e2e specs count on them being 未月评). */
const UNEVALUATED_THIS_MONTH = new Set(['3201002025001', '3201002025014']);

/**
 * Writes a year of documents for every project and stores them as the sync service does: each state appended to
 * the update log, sealed ones compacted to the snapshot whose hash the registry row records, every document
 * registered in `documents`, blob references recorded. Project documents are materialized at once (this
 * branch's materializer); inspection rows come from the inspection materializer's catch-up on start.
 */
export async function storeDemoDocuments(deps: AppDeps, random: DemoRandom, today: string): Promise<number> {
  const { db, sqlite } = deps.database;
  const scans = storeScans(deps);
  const casts = await castsByProject(deps);
  const all: DemoDocument[] = [];
  const rows = await db.select().from(projects).orderBy(projects.filingNumber);
  for (const project of rows) {
    const cast = casts.get(project.id);
    if (!cast) continue;
    const to =
      project.completionFilingDate && project.completionFilingDate < today
        ? project.completionFilingDate
        : today;
    const from =
      project.startDate && project.startDate > addDays(today, -365)
        ? project.startDate
        : addDays(today, -365);
    const span: ProjectSpan = { projectId: project.id, from, to };
    const skipCurrentMonth = UNEVALUATED_THIS_MONTH.has(project.filingNumber) || random.chance(0.4);
    all.push(...projectInspections(random, span, cast, scans, { skipCurrentMonth, today }));
    const { doc, json } = projectDocument(random, span, cast.department, scans, today);
    all.push(doc);
    replaceProjectRows(db, project.id, json);
  }
  const log = new SqliteUpdateLog(sqlite);
  const now = deps.now();
  db.transaction((tx) => {
    for (let i = 0; i < all.length; i += 200) {
      tx.insert(documents)
        .values(all.slice(i, i + 200).map((d) => d.row))
        .run();
    }
  });
  for (let i = 0; i < all.length; i += 200) {
    const chunk = all.slice(i, i + 200);
    log.appendBatch(chunk.map((d) => ({ docName: d.row.name, afterSeq: 0, updates: [d.state] })));
  }
  sqlite.transaction(() => {
    for (const d of all) {
      // A sealed document is kept as the snapshot its hash was taken of (what sealing does).
      if (d.row.sealedAt) {
        log.compact(
          d.row.name,
          { state: d.state, stateVector: Y.encodeStateVectorFromUpdate(d.state), throughSeq: 1 },
          now,
        );
      }
      for (const sha256 of d.blobRefs) addDocRef(db, d.row.name, sha256);
    }
  })();
  return all.length;
}

/** Department, enterprise people and the most local station of each project. */
async function castsByProject(deps: AppDeps): Promise<Map<string, ProjectCast>> {
  const { db } = deps.database;
  const people = await db.select().from(users);
  const person = (u: (typeof people)[number]): DemoPerson => ({ userId: u.id, name: u.displayName });
  const rows = await db.select().from(projects);
  const casts = new Map<string, ProjectCast>();
  const stations = [...DEMO_SUPERVISORS].reverse(); // most local first: jiangsu (province) is the fallback
  const stationUsers = stations
    .sort((a, b) => b.regionCode.replace(/(00)+$/, '').length - a.regionCode.replace(/(00)+$/, '').length)
    .map((s) => people.find((u) => u.login === s.username)!);
  for (const project of rows) {
    const department = people.find((u) => u.role === 'project' && u.projectId === project.id);
    if (!department) continue;
    const director = people.find(
      (u) => u.role === 'enterprise' && u.enterpriseId !== null && u.enterpriseId === project.enterpriseId,
    );
    const inspectors = people.filter(
      (u) => u.role === 'inspector' && u.enterpriseId === project.enterpriseId,
    );
    const supervisor = stationUsers.find((u) => regionCovers(u.regionCode, project.regionCode))!;
    casts.set(project.id, {
      department: person(department),
      director: director ? person(director) : null,
      inspectors: inspectors.map(person),
      supervisor: person(supervisor),
    });
  }
  return casts;
}

/** Two scans (a PNG photo and a PDF) stored as real blobs, so the viewers have something to show. */
function storeScans(deps: AppDeps): DemoScan[] {
  const store = new BlobStore(deps.config.dataDir);
  const uploader = deps.database.db.select().from(users).where(eq(users.login, 'jiangsu')).get()!;
  const files = [
    { name: '月评表扫描件.png', mediaType: 'image/png', bytes: solidPng(120, 160) },
    { name: '检查记录表.pdf', mediaType: 'application/pdf', bytes: minimalPdf() },
  ];
  return files.map((file) => {
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    store.write(sha256, file.bytes);
    recordUpload(deps.database.db, {
      sha256,
      size: file.bytes.byteLength,
      mediaType: file.mediaType,
      uploaderUserId: uploader.id,
      createdAt: deps.now(),
    });
    return { sha256, name: file.name, mediaType: file.mediaType, size: file.bytes.byteLength };
  });
}

function crc32(bytes: Uint8Array): number {
  let crc = -1;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ -1) >>> 0;
}

/** A light-grey PNG of the given size (a stand-in for a phone photo of the paper form). */
function solidPng(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0xe0)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))]),
  );
}

/** A one-page PDF saying what it stands for. */
function minimalPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Length 58 >>\nstream\nBT /F1 18 Tf 72 760 Td (anguan demo inspection form) Tj ET\nendstream',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
