import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import { type ChartSpec, chartOption } from '@canbo/domain';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';

/**
 * Charts rendered on the server for the .docx and PDF outputs: the same ECharts option the web
 * shows (`chartOption` in @canbo/domain), drawn as SVG by ECharts' server-side renderer and turned
 * into PNG by resvg with the bundled Tinos font (metric-compatible with Times New Roman, with the
 * Vietnamese glyphs). Nothing is fetched at run time; system fonts are not read, so the picture is
 * the same on every machine.
 */

const require = createRequire(import.meta.url);

/** The bundled Tinos faces (TTF). */
export const TINOS = {
  regular: require.resolve('@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf'),
};

export interface ChartSize {
  /** Drawing size in CSS pixels (the layout ECharts computes). */
  width?: number;
  height?: number;
  /** Width of the PNG in pixels (scaled from the drawing, so text stays sharp on paper). */
  pngWidth?: number;
}

export const CHART_DEFAULT = { width: 800, height: 440, pngWidth: 1600 } as const;

export function chartSvg(spec: ChartSpec, size: ChartSize = {}): string {
  const width = size.width ?? CHART_DEFAULT.width;
  const height = size.height ?? CHART_DEFAULT.height;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(chartOption(spec, { fontFamily: 'Tinos' }));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface RenderedChart {
  png: Buffer;
  /** Pixel size of the PNG. */
  width: number;
  height: number;
}

/** The chart as a PNG image. */
export function chartPng(spec: ChartSpec, size: ChartSize = {}): RenderedChart {
  const svg = chartSvg(spec, size);
  const rendered = new Resvg(svg, {
    font: {
      fontFiles: [TINOS.regular, TINOS.bold, TINOS.italic],
      loadSystemFonts: false,
      defaultFontFamily: 'Tinos',
    },
    fitTo: { mode: 'width', value: size.pngWidth ?? CHART_DEFAULT.pngWidth },
    background: '#ffffff',
  }).render();
  return {
    png: rgbPng(rendered.pixels, rendered.width, rendered.height),
    width: rendered.width,
    height: rendered.height,
  };
}

/**
 * An opaque RGB PNG from resvg's RGBA pixels (drawn on white, so alpha carries nothing). Without an
 * alpha channel pdfkit embeds the compressed rows as they are instead of decoding the image to split
 * out a soft mask — several times faster for a report's charts — and the files are smaller.
 */
function rgbPng(rgba: Buffer, width: number, height: number): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const from = (y * width + x) * 4;
      const to = row + 1 + x * 3;
      raw[to] = rgba[from]!;
      raw[to + 1] = rgba[from + 1]!;
      raw[to + 2] = rgba[from + 2]!;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Width and height from a PNG's IHDR chunk (what the document writers need to keep the ratio). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
