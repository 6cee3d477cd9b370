// Generates the catalog JSON shipped in src/ from the read-only reference data in shared/standards/.
// Run: node packages/standards/scripts/build-catalogs.mjs  (from the repo root, or any directory).
// The output is committed; a shipped catalog version is never regenerated in place: bump the version instead.
import { readFileSync, writeFileSync } from 'node:fs';

const REFERENCE = new URL('../../../../shared/standards/', import.meta.url);
const SRC = new URL('../src/', import.meta.url);
const readJson = (name) => JSON.parse(readFileSync(new URL(name, REFERENCE), 'utf8'));
// Big catalogs: one line per leaf object keeps diffs readable without doubling the size with indentation.
const writeJson = (path, value) => writeFileSync(new URL(path, SRC), `${stringify(value, '')}\n`);
function stringify(value, indent) {
  if (Array.isArray(value) && value.some((v) => v && typeof v === 'object')) {
    const inner = indent + ' ';
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const nested = Object.values(value).some(
      (v) => v && typeof v === 'object' && (!Array.isArray(v) || v.length),
    );
    if (!nested) return JSON.stringify(value);
    const inner = indent + ' ';
    const body = Object.entries(value).map(
      ([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`,
    );
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

const jgj = readJson('jgj59-2011.json');
const dustRef = readJson('dust-dgj32-j203-2016.json');
const termsRef = readJson('terms-dgj32-tj218-2017.json');

const JGJ59_VERSION = 'jgj59-2011@1';
const DUST_VERSION = 'anguan-dust@1';
const TERMS_VERSION = 'anguan-terms@1';

// ---------------------------------------------------------------- JGJ 59-2011
function jgjTable(t) {
  return {
    id: t.id,
    tableNo: t.tableNo,
    name: t.name,
    category: t.category,
    hasGuaranteedSplit: t.hasGuaranteedSplit,
    fullScore: t.fullScore,
    guaranteedSubtotal: t.guaranteedSubtotal,
    verification: {
      status: t.verification.status,
      uncertain: t.verification.uncertain,
      note: t.verification.note ?? null,
      sources: t.verification.sources ?? [],
    },
    items: t.items.map((it) => ({
      id: it.id,
      no: it.no,
      name: it.name,
      points: it.points,
      group: it.group,
      rowsMatched: it.rowsMatched,
      uncertain: it.uncertain,
      note: it.note ?? null,
      deductions: it.deductions.map((r) => ({
        id: r.id,
        text: r.text,
        raw: r.raw,
        points: r.points,
        pointsRange: r.pointsRange,
        per: r.per,
        uncertain: r.uncertain ?? false,
        note: r.note ?? null,
      })),
    })),
  };
}

const gradeBands = [
  { grade: '优良', min: 80 },
  { grade: '合格', min: 70 },
  { grade: '不合格', min: 0 },
];

const jgjCatalog = {
  kind: 'jgj59',
  catalogVersion: JGJ59_VERSION,
  standard: {
    code: jgj.standard.code,
    name: jgj.standard.name,
    issuedBy: jgj.standard.issuedBy,
    effective: jgj.standard.effective,
    note: jgj.standard.mandatoryClausesRepealed,
  },
  provenance: {
    notFromStandard: false,
    uncertain: true,
    source: 'shared/standards/jgj59-2011.json',
    note:
      'Transcribed from public copies and recall; see verification on each table, rowsMatched on each item and ' +
      'uncertain + note on rows. Anything not confirmed must be checked against the printed standard.',
  },
  summary: {
    tableNo: jgj.summaryTable.tableNo,
    name: jgj.summaryTable.name,
    verification: {
      status: jgj.summaryTable.verification.status,
      uncertain: jgj.summaryTable.verification.uncertain,
      note: jgj.summaryTable.verification.note,
      sources: jgj.summaryTable.verification.sources,
    },
    categories: jgj.summaryTable.categories.map((c) => ({
      id: c.id,
      name: c.name,
      points: c.points,
      tableIds: c.subTables.map((s) => s.id),
      aggregation: c.aggregation,
    })),
  },
  rules: {
    fullScore: 100,
    guaranteedMinimum: 40,
    gradeBands,
    zeroSheetGrade: '不合格',
    clauses: jgj.scoringRules.map((r) => ({
      id: r.id,
      clause: r.clause,
      text: r.text ?? r.formula ?? r.grades.map((g) => `${g.grade}: ${g.condition}`).join('; '),
    })),
  },
  tables: jgj.subTables.map(jgjTable),
};
writeJson('jgj59/jgj59-2011.v1.json', jgjCatalog);

// ---------------------------------------------------------------- dust checklist (anguan's own)
// Points are anguan's: the six 六个百分百 measures are 保证项目 (6 × 10 = 60) and the other four are 一般项目,
// mirroring JGJ 59's 60/40 split so the same engine and the same 40-point guaranteed test apply.
const dustPoints = {
  'dust.01': { group: '一般项目', rows: [[[5, 10]], [5], [3]] },
  'dust.02': { group: '保证项目', rows: [[[5, 10]], [5], [2, '每处']] },
  'dust.03': { group: '保证项目', rows: [[2, '每处'], [[3, 5]]] },
  'dust.04': { group: '保证项目', rows: [[[5, 10]], [3], [2, '每辆']] },
  'dust.05': { group: '保证项目', rows: [[[5, 10]], [[2, 5]]] },
  'dust.06': { group: '一般项目', rows: [[2, '每处']] },
  'dust.07': { group: '保证项目', rows: [[[5, 10]], [[3, 5]]] },
  'dust.08': { group: '保证项目', rows: [[3, '每辆'], [[3, 5]]] },
  'dust.09': { group: '一般项目', rows: [[5], [10]] },
  'dust.10': { group: '一般项目', rows: [[[5, 10]], [5]] },
};

function dustRow(itemId, condition, index) {
  const spec = dustPoints[itemId].rows[index];
  if (!spec) throw new Error(`No points for ${itemId} row ${index + 1}`);
  const [value, per = null] = spec;
  const range = Array.isArray(value) ? value : null;
  const points = range ? range[1] : value;
  const amount = range ? `扣${range[0]}～${range[1]}分` : `扣${value}分`;
  return {
    id: `${itemId}.${String(index + 1).padStart(2, '0')}`,
    text: condition.text,
    raw: `${condition.text}，${per ?? ''}${amount}`,
    points,
    pointsRange: range,
    per,
    uncertain: false,
    note: null,
  };
}

const dustItems = dustRef.provisionalChecklist.items.map((it, i) => {
  if (dustRef.provisionalChecklist.items.length !== Object.keys(dustPoints).length) {
    throw new Error('dust items');
  }
  return {
    id: it.id,
    no: i + 1,
    name: it.name,
    points: 10,
    group: dustPoints[it.id].group,
    rowsMatched: null,
    uncertain: false,
    note: null,
    deductions: it.conditions.map((c, j) => dustRow(it.id, c, j)),
  };
});

const dustCatalog = {
  kind: 'dust',
  catalogVersion: DUST_VERSION,
  standard: {
    code: 'anguan-dust',
    name: '安管扬尘防治检查表（参照 DGJ32/J 203-2016）',
    issuedBy: 'anguan',
    effective: null,
    note:
      "anguan's own checklist, built on the 六个百分百 measures and the 2014 Jiangsu civilised-site items " +
      "(苏城市整治〔2014〕3号). It refers to DGJ32/J 203-2016 but is NOT that standard's table: the standard's own " +
      "table, points and pass rule were not found. Points and the pass rule are anguan's.",
  },
  provenance: {
    notFromStandard: true,
    uncertain: true,
    source:
      'shared/standards/dust-dgj32-j203-2016.json (provisionalChecklist) + points and pass rule by anguan',
    note: 'Replace with the official table as a new catalog version when it is obtained.',
  },
  summary: {
    tableNo: null,
    name: '扬尘防治检查汇总',
    verification: { status: 'not_from_standard', uncertain: true, note: 'anguan checklist', sources: [] },
    categories: [{ id: 'dust', name: '扬尘防治', points: 100, tableIds: ['dust'], aggregation: 'average' }],
  },
  rules: {
    fullScore: 100,
    guaranteedMinimum: 40,
    gradeBands: [
      { grade: '达标', min: 80 },
      { grade: '不达标', min: 0 },
    ],
    zeroSheetGrade: '不达标',
    clauses: [
      {
        id: 'anguan_dust_pass_rule',
        clause: 'anguan',
        text:
          'anguan pass rule: 达标 when no sheet scores 0 and the score is at least 80; otherwise 不达标. A sheet ' +
          'scores 0 when a 六个百分百 item scores 0 or their subtotal is below 40 (as JGJ 59 4.0.3-3).',
      },
    ],
  },
  tables: [
    {
      id: 'dust',
      tableNo: null,
      name: '扬尘防治检查表',
      category: 'dust',
      hasGuaranteedSplit: true,
      fullScore: 100,
      guaranteedSubtotal: 60,
      verification: {
        status: 'not_from_standard',
        uncertain: true,
        note: "Item names from the reference provisional checklist; every point value is anguan's.",
        sources: dustRef.confirmedRelatedSources.map((s) => s.name),
      },
      items: dustItems,
    },
  ],
};
writeJson('dust/dust-checklist.v1.json', dustCatalog);

// ---------------------------------------------------------------- inspection-term tree (provisional)
// Rows flagged 重大隐患 by anguan, read against 建质规〔2022〕2号 as recalled (not verified): missing or unreviewed
// special plans for dangerous works, missing expert review, failed fall-arrest / overload / anti-tilt devices,
// missing pit monitoring, uncertified special operators and unlicensed installers of lifting machinery.
const MAJOR =
  /专家论证|未编制(安全)?专项施工方案|起重量限制器|力矩限制器|防坠安全器|防坠落装置|防倾覆|安全锁失灵|未安装防坠安全锁|未按要求进行基坑工程监测|特种作业人员未持证|无证操作|未取得专业承包资质/;
const MAJOR_BASIS =
  '建质规〔2022〕2号《房屋市政工程生产安全重大事故隐患判定标准（2022版）》— recalled, not verified';

const term = (id, name, kind, extra = {}) => ({ id, name, kind, ...extra });
const phrase = (id, text, relatesTo, source) => ({
  id,
  code: id.replace(/^term\./, ''),
  name: text,
  kind: 'phrase',
  hazardLevel: MAJOR.test(text) ? 'major' : 'general',
  source,
  relatesTo,
});

const tablesById = new Map(jgj.subTables.map((t) => [t.id, t]));
const categoryTree = jgj.summaryTable.categories.map((c) =>
  term(`term.cat.${c.id}`, c.name, 'category', {
    children: c.subTables.map(({ id }) => {
      const t = tablesById.get(id);
      return term(`term.tbl.${id}`, t.name.replace(/检查评分表$/, ''), 'table', {
        relatesTo: { tableId: id },
        children: t.items.map((it) =>
          term(`term.${it.id}`, it.name, 'item', {
            relatesTo: { tableId: id, itemId: it.id },
            children: it.deductions.map((r) =>
              phrase(`term.${r.id}`, r.text, { tableId: id, itemId: it.id, deductionId: r.id }, 'jgj59'),
            ),
          }),
        ),
      });
    }),
  }),
);

const extraTopics = {
  limited_space: [
    '有限空间作业未制定作业方案或未经审批',
    '有限空间作业未进行通风、检测即进入作业',
    '有限空间作业未设专人监护',
  ],
  fire: [
    '施工现场未配备消防器材或消防器材失效',
    '动火作业未办理审批手续或无人监护',
    '易燃易爆物品未分类存放或存放不符合要求',
  ],
  demolition: ['拆除工程未编制专项施工方案', '拆除作业未设置警戒区域或无专人监护', '拆除顺序不符合方案要求'],
};
const otherTopicNames = new Map(
  termsRef.provisional.categoryTree.find((c) => c.id === 'term.other').children.map((c) => [c.id, c.name]),
);
const otherChildren = [...otherTopicNames].map(([id, name]) => {
  const key = id.replace('term.other.', '');
  const phrases =
    key === 'dust'
      ? dustItems.flatMap((it) =>
          it.deductions.map((r) =>
            phrase(`term.other.dust.${r.id.slice(5)}`, r.text, { dustRuleId: r.id }, 'dust'),
          ),
        )
      : extraTopics[key].map((text, i) =>
          phrase(`term.other.${key}.${String(i + 1).padStart(2, '0')}`, text, null, 'anguan'),
        );
  return term(id, name, 'topic', { children: phrases });
});
categoryTree.push(term('term.cat.other', '其他', 'category', { children: otherChildren }));

const termTree = {
  kind: 'terms',
  catalogVersion: TERMS_VERSION,
  standard: {
    code: termsRef.standard.code,
    name: termsRef.standard.name,
    note:
      'Provisional tree by anguan, derived from the JGJ 59-2011 deduction rows (ids reuse them) and the dust ' +
      'checklist; NOT the term list or codes of DGJ32/TJ 218-2017, which were not found. Term codes are anguan ids.',
  },
  provenance: {
    notFromStandard: true,
    uncertain: true,
    source: 'shared/standards/terms-dgj32-tj218-2017.json (provisional) + jgj59-2011.json',
    note: termsRef.provisional.purpose,
  },
  hazardLevels: termsRef.provisional.hazardLevels.map((h) => ({
    id: h.id,
    name: h.name,
    basis: h.id === 'major' ? `${MAJOR_BASIS}; anguan marks a phrase major by its wording` : null,
  })),
  jgj59CatalogVersion: JGJ59_VERSION,
  dustCatalogVersion: DUST_VERSION,
  categories: categoryTree,
};
writeJson('terms/inspection-terms.v1.json', termTree);
console.log('wrote catalogs', JGJ59_VERSION, DUST_VERSION, TERMS_VERSION);

// ---------------------------------------------------------------- 建办质〔2018〕31号 附件2 items with thresholds
// Item texts and thresholds verbatim from dangerous-works.json (附件2 checked word for word there); parameter names
// and units are anguan's labels for the threshold keys, the zh-CN condition text is the item's own wording.
const dw = readJson('dangerous-works.json');
const ANNEX2_VERSION = 'annex2-2018@1';
const PARAMETERS = {
  excavationDepthM: { name: '开挖深度', unit: 'm' },
  heightM: { name: '搭设高度', unit: 'm' },
  spanM: { name: '搭设跨度', unit: 'm' },
  totalLoadKNm2: { name: '施工总荷载（设计值）', unit: 'kN/m²' },
  lineLoadKNm: { name: '集中线荷载（设计值）', unit: 'kN/m' },
  pointLoadKN: { name: '单点集中荷载', unit: 'kN' },
  singleLiftKN: { name: '单件起吊重量', unit: 'kN' },
  ratedLoadKN: { name: '起重量', unit: 'kN' },
  totalHeightM: { name: '搭设总高度', unit: 'm' },
  baseElevationM: { name: '搭设基础标高', unit: 'm' },
  liftHeightM: { name: '提升高度', unit: 'm' },
  segmentHeightM: { name: '分段架体搭设高度', unit: 'm' },
  steelSpanM: { name: '钢结构跨度', unit: 'm' },
  spaceFrameOrMembraneSpanM: { name: '网架和索膜结构跨度', unit: 'm' },
  depthM: { name: '开挖深度', unit: 'm' },
  weightKN: { name: '结构重量', unit: 'kN' },
};
const NAME_OVERRIDES = { 'sdw.oth.curtain50': { heightM: '施工高度' } };
const CONDITIONS = { 'non-standard equipment or method': '采用非常规起重设备、方法' };
const annex2Threshold = (item) => {
  const t = item.thresholds;
  if (!t) return null;
  const alternatives = t.anyOf !== undefined;
  const entries = Object.entries(alternatives ? t.anyOf : t).filter(([key]) => key !== 'requires');
  const conditions = entries.map(([key, rule]) => {
    const param = PARAMETERS[key];
    if (!param) throw new Error(`annex2 parameter ${key} has no name`);
    const [op, value] = Object.entries(rule)[0];
    if (!['gte', 'lt'].includes(op) || typeof value !== 'number') {
      throw new Error(`annex2 rule ${item.id}.${key}`);
    }
    return {
      parameter: key,
      name: NAME_OVERRIDES[item.id]?.[key] ?? param.name,
      unit: param.unit,
      op,
      value,
    };
  });
  const requires = t.requires ?? null;
  if (requires !== null && !CONDITIONS[requires]) throw new Error(`annex2 condition ${requires}`);
  return { match: alternatives ? 'any' : 'all', conditions, condition: requires && CONDITIONS[requires] };
};
const annex2 = {
  catalogVersion: ANNEX2_VERSION,
  annex: dw.superDangerousWorks.annex,
  level: dw.superDangerousWorks.level,
  provenance: {
    notFromStandard: false,
    uncertain: false,
    source: 'shared/standards/dangerous-works.json (superDangerousWorks)',
    note: `${dw.sources.verification} Parameter names and units are anguan's labels for the thresholds.`,
  },
  thresholdNotes: dw.thresholdNotes,
  categories: dw.superDangerousWorks.categories.map((c) => ({
    id: c.id,
    name: c.name,
    items: c.items.map((item) => ({ id: item.id, text: item.text, threshold: annex2Threshold(item) })),
  })),
};
writeJson('dangerous-works/annex2-2018.v1.json', annex2);
console.log('wrote', ANNEX2_VERSION);
