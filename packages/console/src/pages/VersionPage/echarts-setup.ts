import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only the line chart and the components the health chart draws: this module is imported lazily, so ECharts is
// its own chunk and the first page's bundle does not carry it (DESIGN §9; docs/gray-health.md).
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
