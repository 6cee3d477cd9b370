/** The shapes `/api/stats` answers with (server/src/stats/tables.ts, service.ts, records.ts). */
export interface StatsColumn {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'percent';
}
export type StatsRow = Record<string, string | number | null> & { drill?: string | null };
export interface StatsTable {
  id: string;
  title: string;
  chart: 'bar' | 'pie' | 'line' | 'stacked' | null;
  category: string;
  series: string[];
  columns: StatsColumn[];
  rows: StatsRow[];
  note?: string;
}
export interface SectionAnswer {
  section: string;
  generatedAt: string;
  tables: StatsTable[];
}
export interface RecordsAnswer {
  kind: string;
  total: number;
  page: number;
  pageSize: number;
  columns: StatsColumn[];
  rows: (StatsRow & { link: string })[];
}
