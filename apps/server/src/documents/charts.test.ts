import { describe, expect, it } from 'vitest';
import { chartPng, chartSvg, pngSize } from './charts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const byCategory = {
  categories: ['Cán bộ', 'Công chức', 'Viên chức'],
  series: [{ name: 'Số người', values: [3314, 1200, 45] }],
};

describe('server-side charts: the same ECharts option drawn to PNG with the bundled Tinos font', () => {
  it.each([
    ['bar', byCategory],
    [
      'stackedBar',
      { ...byCategory, series: [...byCategory.series, { name: 'Nữ', values: [1000, 600, 20] }] },
    ],
    [
      'line',
      {
        categories: ['Tháng 01', 'Tháng 02', 'Tháng 03'],
        series: [{ name: 'Tỷ lệ', values: [41.43, 84.2, null] }],
      },
    ],
    ['pie', byCategory],
    [
      'pyramid',
      {
        categories: ['Dưới 40', 'Từ 40 đến 50', 'Trên 50'],
        series: [
          { name: 'Nam', values: [12, 30, 8] },
          { name: 'Nữ', values: [15, 22, 5] },
        ],
      },
    ],
  ] as const)('renders a %s chart as a PNG of the asked width', (kind, data) => {
    const { png, width, height } = chartPng(
      {
        kind,
        title: 'Cơ cấu đội ngũ',
        ...data,
        series: data.series.map((s) => ({ ...s, values: [...s.values] })),
        categories: [...data.categories],
      },
      { width: 600, height: 330, pngWidth: 900 },
    );
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 900, height: 495 });
    expect({ width, height }).toEqual({ width: 900, height: 495 });
    expect(png.length).toBeGreaterThan(5_000);
  });

  it('writes Vietnamese text and numbers the Vietnamese way in the drawing', () => {
    const svg = chartSvg({ kind: 'bar', title: 'Số lượng theo loại cán bộ', ...byCategory });
    expect(svg).toContain('Số lượng theo loại cán bộ');
    expect(svg).toContain('3.314');
    const percent = chartSvg({
      kind: 'line',
      categories: ['T1'],
      series: [{ name: 'Tỷ lệ', values: [41.43] }],
      valueUnit: 'percent',
    });
    expect(percent).toContain('41,43%');
    const pyramid = chartSvg({
      kind: 'pyramid',
      categories: ['Dưới 40'],
      series: [
        { name: 'Nam', values: [12] },
        { name: 'Nữ', values: [15] },
      ],
    });
    // Men are drawn to the left, but labelled with positive counts.
    expect(pyramid).toContain('>12<');
    expect(pyramid).not.toContain('>-12<');
  });
});

describe('chart PNGs are opaque RGB', () => {
  it('writes colour type 2 (RGB, no alpha) with valid chunk checksums', async () => {
    const { png } = chartPng(
      { kind: 'pie', categories: ['Nam', 'Nữ'], series: [{ name: 'Số người', values: [3, 2] }] },
      { width: 300, height: 200, pngWidth: 300 },
    );
    expect(png[25]).toBe(2);
    const { crc32 } = await import('node:zlib');
    // IHDR: length 13 at 8, type + data from 12 to 29, CRC at 29.
    expect(png.readUInt32BE(29)).toBe(crc32(png.subarray(12, 29)) >>> 0);
  });
});
