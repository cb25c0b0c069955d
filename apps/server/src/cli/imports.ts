import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { formatInteger, PersonListQuery } from '@canbo/domain';
import { systemActor } from '../access/actor';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { ImportKind } from '../modules/imports/columns';
import { type Progress, percentOf } from '../modules/imports/runner';
import { createLogger, openRuntime } from '../runtime';
import { CliError } from './errors';

/**
 * `canbo import units|people FILE.xlsx` and `canbo export people|units FILE.xlsx [--unit CODE]`,
 * as the system actor. An import prints its progress and, when rejected, the first problems and a
 * full report written next to the file (FILE.errors.xlsx); it exits 2 when rejected, 1 when failed.
 */

const PHASES: Record<string, string> = {
  validating: 'Đang kiểm tra / validating',
  applying: 'Đang ghi / writing',
};

function progressPrinter(): (p: Progress) => void {
  let last = '';
  return (p) => {
    const phase = PHASES[p.status];
    if (!phase) return;
    const line = `${phase}: ${percentOf(p)}%`;
    if (line !== last) {
      last = line;
      if (process.stdout.isTTY) process.stdout.write(`\r${line}   `);
      else console.log(line);
    }
  };
}

export function reportPath(file: string): string {
  return file.replace(/(\.xlsx)?$/i, '.errors.xlsx');
}

export async function importCommand(config: Config, kind: string, file: string): Promise<number> {
  if (kind !== 'units' && kind !== 'people') throw new CliError('Usage: canbo import units|people FILE.xlsx');
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new CliError(`Không có tệp / no such file: ${source}`);
  const runtime = await openRuntime(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    const { services, ctx } = runtime;
    const actor = systemActor(ctx.tenantId, 'cli');
    let result: Awaited<ReturnType<typeof services.imports.upload>>;
    try {
      result = await services.imports.upload(
        actor,
        kind as ImportKind,
        { name: path.basename(source), bytes: fs.readFileSync(source) },
        { inline: true, onProgress: progressPrinter() },
      );
    } catch (error) {
      if (error instanceof AppError) {
        console.error(`\nKhông nhập được / cannot import: ${error.messageVi}\n  ${error.messageEn}`);
        return 2;
      }
      throw error;
    }
    if (process.stdout.isTTY) process.stdout.write('\n');
    const { run } = result;
    const n = (v: number) => formatInteger(v);
    if (run.status === 'applied') {
      console.log(
        `Đã nhập / imported ${n(run.totalRows)} dòng: ${n(run.created)} mới (created), ${n(run.updated)} cập nhật (updated), ${n(run.unchanged)} không đổi (unchanged).`,
      );
      if (run.created + run.updated === 0) console.log('Không có thay đổi nào / nothing changed.');
      return 0;
    }
    if (run.status === 'failed') {
      console.error(
        `Nhập không thành công, không dòng nào được ghi / import failed, nothing written: ${run.message ?? ''}\n  ${run.messageEn ?? ''}`,
      );
      return 1;
    }
    const report = reportPath(source);
    const { bytes } = await services.imports.report(actor, run.id);
    fs.writeFileSync(report, bytes);
    console.error(
      `Bị từ chối / rejected: ${n(run.errorCount)} lỗi (errors) — không dòng nào được ghi / nothing was written.`,
    );
    for (const issue of run.errors.slice(0, 20)) {
      console.error(
        `  Dòng ${issue.row}, ${issue.column}${issue.cell ? ` (${issue.cell})` : ''}${issue.value ? ` "${issue.value}"` : ''}: ${issue.message}`,
      );
    }
    if (run.errorCount > 20) console.error(`  … và ${n(run.errorCount - 20)} lỗi khác (and more).`);
    console.error(`Báo cáo lỗi / error report: ${report}`);
    return 2;
  } finally {
    await runtime.close();
  }
}

export async function exportCommand(
  config: Config,
  kind: string,
  file: string,
  options: { unit?: string },
): Promise<number> {
  if (kind !== 'units' && kind !== 'people')
    throw new CliError('Usage: canbo export people|units FILE.xlsx [--unit CODE]');
  const target = path.resolve(file);
  const runtime = await openRuntime(config, createLogger({ ...config, logLevel: 'warn' }));
  try {
    const { services, ctx } = runtime;
    const actor = systemActor(ctx.tenantId, 'cli');
    let unitId: string | undefined;
    if (options.unit) {
      const unit = await ctx.db
        .selectFrom('org_unit')
        .select('id')
        .where('tenant_id', '=', ctx.tenantId)
        .where('code', '=', options.unit)
        .executeTakeFirst();
      if (!unit) throw new CliError(`Không có đơn vị mã / no unit with code "${options.unit}".`);
      unitId = unit.id;
    }
    const { output } =
      kind === 'people'
        ? await services.exports.people(actor, PersonListQuery.parse(unitId ? { unitId } : {}))
        : await services.exports.units(actor, { unitId });
    await pipeline(output, fs.createWriteStream(target));
    console.log(`Đã xuất / exported: ${target}`);
    return 0;
  } finally {
    await runtime.close();
  }
}
