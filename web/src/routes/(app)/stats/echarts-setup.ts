/**
 * ECharts, tree-shaken: only the charts and components the statistics page draws. Imported dynamically by
 * `StatsChart.svelte`, so no other page's bundle carries it.
 *
 * @module
 */
import { use, init, type EChartsType } from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  SVGRenderer,
]);

export { init, type EChartsType };
