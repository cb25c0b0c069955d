import type { ControlReportQuery } from '@canbo/domain';
import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import type { AppContext } from '../../context';
import { todayInVietnam } from '../units/units.dates';
import { controlReportDocx } from './control.documents';
import * as repo from './control.repository';
import { createControlService } from './control.service';
import { createControlDrillService } from './drill.service';
import { createControlFiguresService } from './figures.service';
import { createControlThresholdsService } from './thresholds.service';

/** The control dashboard's services (docs/CONTROL.md), built once and registered in services.ts. */
export function createControlModule(ctx: AppContext) {
  const figures = createControlFiguresService(ctx);
  const control = createControlService(ctx, figures);
  const drill = createControlDrillService(ctx, control);
  const thresholds = createControlThresholdsService(ctx);

  /** The printable control report of a cycle over a subtree (every unit with a red flag). */
  async function reportDocx(actor: Actor, query: z.infer<typeof ControlReportQuery>) {
    const dashboard = await control.dashboard(actor, {
      cycleId: query.cycleId,
      unitId: query.unitId,
      limit: 1_000,
    });
    const unit = await repo.unitById(ctx.db, ctx.tenantId, dashboard.unit.id);
    const parent = unit?.parent_id ? await repo.unitById(ctx.db, ctx.tenantId, unit.parent_id) : null;
    const bytes = await controlReportDocx(dashboard, {
      superior: parent?.name ?? null,
      documentNumber: query.documentNumber ?? null,
      place: query.place ?? null,
      date: todayInVietnam(),
    });
    return { fileName: `bao-cao-kiem-soat-${dashboard.cycle.periodStart}.docx`, bytes };
  }

  return { ...control, ...drill, thresholds, figures, reportDocx };
}

export type ControlModule = ReturnType<typeof createControlModule>;
