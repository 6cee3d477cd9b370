/**
 * The ECharts option for one statistics table: its category column along one axis (or as pie slices) and its
 * series columns as bars, stacked bars or lines.
 *
 * @module
 */
import type { StatsTable } from './stats-types';

const PALETTE = ['#1f6feb', '#d97706', '#16a34a', '#dc2626', '#7c3aed', '#0891b2'];

export function chartOption(table: StatsTable): Record<string, unknown> {
  const label = (key: string) => table.columns.find((c) => c.key === key)?.label ?? key;
  const categories = table.rows.map((r) => String(r[table.category] ?? ''));
  const base = {
    color: PALETTE,
    animation: false,
    // ECharts writes the container's aria-label itself; give it our sentence (the table below has the data).
    aria: { enabled: true, label: { description: chartLabel(table) } },
    tooltip: { trigger: table.chart === 'pie' ? 'item' : 'axis' },
  };
  if (table.chart === 'pie') {
    const key = table.series[0]!;
    return {
      ...base,
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          name: label(key),
          data: table.rows.map((r, i) => ({ name: categories[i], value: Number(r[key] ?? 0) })),
        },
      ],
    };
  }
  const horizontal = table.chart !== 'line' && categories.some((c) => c.length > 6);
  const categoryAxis = {
    type: 'category',
    data: categories,
    axisLabel: { width: 110, overflow: 'truncate' },
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return {
    ...base,
    legend: table.series.length > 1 ? { top: 0, type: 'scroll' } : undefined,
    grid: { left: 8, right: 16, top: table.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: table.series.map((key) => ({
      type: table.chart === 'line' ? 'line' : 'bar',
      name: label(key),
      stack: table.chart === 'stacked' ? 'total' : undefined,
      data: table.rows.map((r) => Number(r[key] ?? 0)),
    })),
  };
}

/** A one-sentence description of the chart for screen readers (the table below is the full accessible form). */
export function chartLabel(table: StatsTable): string {
  const kind = { bar: '条形图', stacked: '堆叠条形图', line: '折线图', pie: '环形图' }[table.chart ?? 'bar'];
  return `${table.title}（${kind}，${table.rows.length} 项，数据见下表）`;
}
