import { createAuditChainer } from '../audit/chainer';
import { ensureAdmin } from '../bootstrap';
import type { Config } from '../config';
import { buildApp } from '../http/app';
import { jobHandlers } from '../jobs/handlers';
import { startSchedules } from '../jobs/schedules';
import { createWorker } from '../jobs/worker';
import { createLogger, openRuntime } from '../runtime';
import { DEMO_PASSWORD, existingDemoAccounts, seedDemo } from '../seed/demo';

export type ProcessRole = 'api' | 'worker' | 'cron';

export async function serve(config: Config, roles: Set<ProcessRole>): Promise<void> {
  const logger = createLogger(config);
  const runtime = await openRuntime(config, logger);
  const { ctx, services, tenant } = runtime;
  const lines: string[] = [];

  const admin = await ensureAdmin(ctx.db, tenant, config.adminPassword);
  if (tenant.created && config.demo && !config.databaseUrl) await seedDemo(ctx, services, tenant);
  const demoAccounts = config.demo && !config.databaseUrl ? await existingDemoAccounts(ctx) : [];

  const app = roles.has('api') ? await buildApp(ctx) : null;
  const worker = roles.has('worker') ? createWorker(ctx.db, jobHandlers(services), logger) : null;
  // Links audit entries into the hash chain shortly after their commit (audit/chainer.ts).
  const chainer = roles.has('worker') ? createAuditChainer(ctx.db, logger) : null;
  const stopCron = roles.has('cron') ? startSchedules(ctx.db, ctx.tenantId, logger) : () => {};

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    stopCron();
    await app?.close(); // stops accepting, waits for requests in flight
    await worker?.stop();
    await chainer?.stop();
    await runtime.close();
    logger.info('database closed');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  worker?.start();
  chainer?.start();
  if (app) {
    await app.listen({ port: config.port, host: config.host });
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    lines.push(`canbo đang chạy / is running: http://${shown}:${config.port}`);
  }
  lines.push(
    `Cơ sở dữ liệu / database: ${ctx.engine === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL'}`,
  );
  if (admin.generatedPassword) {
    lines.push(
      '',
      'Tài khoản quản trị đã được tạo / administrator account created:',
      `  admin / ${admin.generatedPassword}`,
      '  (mật khẩu này chỉ hiện một lần và phải đổi ở lần đăng nhập đầu / shown once; change it at first sign-in)',
    );
  } else if (admin.created) {
    lines.push('', 'Tài khoản quản trị / administrator: admin (mật khẩu từ CANBO_ADMIN_PASSWORD)');
  }
  if (demoAccounts.length) {
    lines.push('', `Tài khoản dùng thử / demo accounts (mật khẩu / password: ${DEMO_PASSWORD}):`);
    for (const a of demoAccounts)
      lines.push(`  ${a.username.padEnd(14)} ${a.role.padEnd(10)} ${a.displayName}`);
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}
