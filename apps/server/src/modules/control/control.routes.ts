import {
  ControlDashboard,
  ControlDrillDown,
  ControlFiguresRefreshed,
  ControlQuery,
  ControlReportQuery,
  ControlThresholdsQuery,
  ControlThresholdsView,
  ControlTrail,
  ControlTrends,
  ControlUnitParams,
  DeleteControlThresholdsQuery,
  DrillParams,
  DrillQuery,
  IdParams,
  RefreshControlFiguresInput,
  TrendQuery,
  UpdateControlThresholdsInput,
} from '@canbo/domain';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { DOCX_CONTENT_TYPE } from '../../documents/docx';
import { attachment } from '../../documents/xlsx-writer';
import type { RouteDeps } from '../../http/app';

const tags = ['control'];

/**
 * The control dashboard (docs/CONTROL.md): read with evaluations.read or evaluations.manage over the
 * subtree (out of scope reads as missing); thresholds changed with evaluations.manage.
 */
export function registerControlRoutes({ app: base, services }: RouteDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { control } = services;

  app.get(
    '/api/control/dashboard',
    { schema: { tags, querystring: ControlQuery, response: { 200: ControlDashboard } } },
    (req) => control.dashboard(req.actor, req.query),
  );
  app.get(
    '/api/control/trends',
    { schema: { tags, querystring: TrendQuery, response: { 200: ControlTrends } } },
    (req) => control.trends(req.actor, req.query.cycleId, req.query.unitId),
  );
  app.get(
    '/api/control/units/:unitId/signals/:signal',
    { schema: { tags, params: DrillParams, querystring: DrillQuery, response: { 200: ControlDrillDown } } },
    (req) => control.drill(req.actor, req.params.unitId, req.params.signal, req.query),
  );
  app.post(
    '/api/control/figures/refresh',
    {
      schema: {
        tags,
        body: RefreshControlFiguresInput,
        response: { 200: ControlFiguresRefreshed },
        summary: "Recompute a cycle's stored control figures now",
      },
    },
    (req) => control.refreshFigures(req.actor, req.body),
  );
  app.get(
    '/api/control/evaluations/:id/trail',
    { schema: { tags, params: IdParams, response: { 200: ControlTrail } } },
    (req) => control.trail(req.actor, req.params.id),
  );
  app.get(
    '/api/control/report.docx',
    {
      schema: {
        tags,
        querystring: ControlReportQuery,
        summary: 'The control report as .docx (Party layout)',
      },
    },
    async (req, reply) => {
      const { fileName, bytes } = await control.reportDocx(req.actor, req.query);
      return reply.type(DOCX_CONTENT_TYPE).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );
  app.get(
    '/api/control/thresholds',
    { schema: { tags, querystring: ControlThresholdsQuery, response: { 200: ControlThresholdsView } } },
    (req) => control.thresholds.view(req.actor, req.query.unitId),
  );
  app.put(
    '/api/control/thresholds',
    { schema: { tags, body: UpdateControlThresholdsInput, response: { 200: ControlThresholdsView } } },
    (req) => control.thresholds.update(req.actor, req.body),
  );
  app.delete(
    '/api/control/thresholds/:unitId',
    { schema: { tags, params: ControlUnitParams, querystring: DeleteControlThresholdsQuery } },
    async (req, reply) => {
      await control.thresholds.remove(req.actor, req.params.unitId, req.query.version);
      return reply.status(204).send();
    },
  );
}
