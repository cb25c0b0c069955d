import type { OrgChangeView, SuccessionLink, UnitVersionView } from '@canbo/domain';
import { Empty, Space, Tag, Timeline, type TimelineItemProps, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Participant } from '../../api/org';
import { useUnitHistory } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { PageLoader } from '../../components/PageLoader';
import { uniqueParticipants } from './participants';
import { UnitTypeTag } from './UnitTypeTag';

const KIND_COLOR: Record<OrgChangeView['kind'], string> = {
  create: 'green',
  update: 'blue',
  rename: 'blue',
  move: 'blue',
  merge: 'orange',
  split: 'orange',
  dissolve: 'red',
};

function VersionBody({ v }: { v: UnitVersionView }) {
  const { t } = useTranslation();
  return (
    <div className="history-version">
      <div>
        <strong>{v.name}</strong> <Typography.Text type="secondary">({v.code})</Typography.Text>
        {v.shortName ? <Typography.Text type="secondary"> · {v.shortName}</Typography.Text> : null}
      </div>
      <Space size={[4, 4]} wrap className="mt-4">
        <UnitTypeTag type={v.type} />
        {v.isPartyOrg ? <Tag>{t('unit.isPartyOrg')}</Tag> : null}
      </Space>
      {v.pathNames.length > 0 ? (
        <div className="small-note muted">{t('unit.history.path', { path: v.pathNames.join(' › ') })}</div>
      ) : null}
      <div className="small-note muted">
        {v.validTo
          ? t('unit.history.range', { from: formatDate(v.validFrom), to: formatDate(v.validTo) })
          : t('unit.history.openRange', { from: formatDate(v.validFrom) })}
      </div>
    </div>
  );
}

function ChangeBody({ change, unitId }: { change: OrgChangeView; unitId: string }) {
  const { t } = useTranslation();
  const byRole = new Map<Participant['role'], Participant[]>();
  for (const p of uniqueParticipants(change.summary.participants)) {
    if (p.unitId === unitId) continue;
    byRole.set(p.role, [...(byRole.get(p.role) ?? []), p]);
  }
  const c = change.summary.counts;
  const moved = c.positionsCreated + c.positionsMoved;
  return (
    <div className="history-change">
      {[...byRole].map(([role, units]) => (
        <div key={role} className="small-note">
          <Typography.Text type="secondary">{t(`participantRoles.${role}`)}: </Typography.Text>
          {units.map((p, i) => (
            <span key={p.unitId}>
              {i > 0 ? ', ' : ''}
              <Link to={`/org/units/${p.unitId}`}>{p.name}</Link>
            </span>
          ))}
        </div>
      ))}
      {moved > 0 || c.peopleMoved > 0 ? (
        <div className="small-note muted">
          {t('unit.history.counts', { positions: moved, people: c.peopleMoved })}
        </div>
      ) : null}
      {change.decisionNumber ? (
        <div className="small-note">{t('unit.history.decision', { number: change.decisionNumber })}</div>
      ) : null}
      {change.note ? <div className="small-note">{change.note}</div> : null}
      {change.createdBy ? (
        <div className="small-note muted">{t('unit.history.by', { name: change.createdBy.name })}</div>
      ) : null}
    </div>
  );
}

function successionItem(link: SuccessionLink, direction: 'from' | 'to', t: TFunction) {
  return {
    key: `${direction}:${link.id}:${link.changeId}`,
    color: 'gray',
    title: formatDate(link.effectiveDate),
    content: (
      <span>
        {t(
          direction === 'from'
            ? `unit.history.predecessor.${link.kind}`
            : `unit.history.successor.${link.kind}`,
        )}{' '}
        <Link to={`/org/units/${link.id}`}>{link.name}</Link>
      </span>
    ),
  };
}

interface Event {
  date: string;
  order: number;
  item: TimelineItemProps;
}

/**
 * The unit's life, oldest first: each dated version (name, type, place in the tree) under the
 * operation that began it, operations that touched it without a new version of its own, and the
 * units it came from or went into.
 */
export function UnitHistoryTimeline({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const history = useUnitHistory(unitId);
  if (history.isPending) return <PageLoader />;
  if (!history.data) return <ErrorAlert error={history.error} />;
  const h = history.data;
  const changesById = new Map(h.changes.map((c) => [c.id, c]));
  const used = new Set<string>();
  const events: Event[] = [];

  h.versions.forEach((v, i) => {
    const change = v.changeId ? changesById.get(v.changeId) : undefined;
    if (change) used.add(change.id);
    const kind = change?.kind ?? (i === 0 ? 'create' : 'update');
    events.push({
      date: v.validFrom,
      order: 1,
      item: {
        key: `v:${v.validFrom}`,
        color: KIND_COLOR[kind],
        title: formatDate(v.validFrom),
        content: (
          <>
            <Tag color={KIND_COLOR[kind]}>{t(`changeKinds.${kind}`)}</Tag>
            <VersionBody v={v} />
            {change ? <ChangeBody change={change} unitId={unitId} /> : null}
          </>
        ),
      },
    });
  });
  for (const change of h.changes) {
    if (used.has(change.id)) continue;
    events.push({
      date: change.effectiveDate,
      order: 2,
      item: {
        key: `c:${change.id}`,
        color: KIND_COLOR[change.kind],
        title: formatDate(change.effectiveDate),
        content: (
          <>
            <Tag color={KIND_COLOR[change.kind]}>{t(`changeKinds.${change.kind}`)}</Tag>
            <ChangeBody change={change} unitId={unitId} />
          </>
        ),
      },
    });
  }
  for (const link of h.predecessors)
    events.push({ date: link.effectiveDate, order: 0, item: successionItem(link, 'from', t) });
  for (const link of h.successors)
    events.push({ date: link.effectiveDate, order: 3, item: successionItem(link, 'to', t) });
  events.sort((a, b) => (a.date === b.date ? a.order - b.order : a.date < b.date ? -1 : 1));

  if (events.length === 0) return <Empty description={t('unit.history.empty')} />;
  return (
    <div id="unit-history">
      <Timeline mode="start" titleSpan="120px" items={events.map((e) => e.item)} />
    </div>
  );
}
