import type { TFunction } from 'i18next';
import { personOptions } from './options';
import type { FieldSpec } from './RecordModal';

/** The groups of similar posts the interface names (i18n `titleGroups`). */
const TITLE_GROUPS = ['leader', 'deputy', 'specialist', 'staff'] as const;

/** The fields of each sub-record section, for RecordModal. */
export function positionFields(t: TFunction, unitLabel?: string): FieldSpec[] {
  return [
    { name: 'title', label: t('position.title'), kind: 'text', required: true, max: 200, span: 24 },
    { name: 'unitId', label: t('position.unit'), kind: 'unit', required: true, span: 24, unitLabel },
    {
      name: 'titleGroup',
      label: t('position.titleGroup'),
      // A short code shared by similar posts (quota groups); the usual ones are offered by name, and an
      // agency may type its own.
      kind: 'suggest',
      options: TITLE_GROUPS.map((g) => ({ value: g, label: `${t(`titleGroups.${g}`)} (${g})` })),
      max: 50,
      span: 12,
      placeholder: 'specialist',
    },
    { name: 'decisionNumber', label: t('position.decisionNumber'), kind: 'text', max: 50, span: 12 },
    { name: 'isLeader', label: t('position.isLeader'), kind: 'switch', span: 12 },
    { name: 'isConcurrent', label: t('position.isConcurrentLong'), kind: 'switch', span: 12 },
    { name: 'startDate', label: t('position.startDate'), kind: 'date', required: true, span: 12 },
    { name: 'endDate', label: t('position.endDate'), kind: 'date', after: 'startDate', span: 12 },
    { name: 'endReason', label: t('position.endReason'), kind: 'text', max: 300, span: 24 },
  ];
}

export function endPositionFields(t: TFunction, startDate: string): FieldSpec[] {
  return [
    {
      name: 'endDate',
      label: t('position.endDate'),
      kind: 'date',
      required: true,
      span: 12,
      minDate: startDate,
      minLabel: t('position.startDate'),
    },
    { name: 'endReason', label: t('position.endReason'), kind: 'text', max: 300, span: 24 },
  ];
}

export function disciplineFields(t: TFunction): FieldSpec[] {
  const o = personOptions(t);
  return [
    {
      name: 'form',
      label: t('discipline.form'),
      kind: 'select',
      required: true,
      options: o.disciplineForm,
      span: 12,
    },
    { name: 'decisionNumber', label: t('discipline.decisionNumber'), kind: 'text', max: 50, span: 12 },
    {
      name: 'decisionDate',
      label: t('discipline.decisionDate'),
      kind: 'date',
      required: true,
      notFuture: true,
      span: 12,
    },
    { name: 'expiryDate', label: t('discipline.expiryDate'), kind: 'date', after: 'decisionDate', span: 12 },
    { name: 'issuer', label: t('discipline.issuer'), kind: 'text', max: 200, span: 24 },
    { name: 'reason', label: t('discipline.reason'), kind: 'textarea', max: 1000, span: 24 },
  ];
}

export function awardFields(t: TFunction): FieldSpec[] {
  const o = personOptions(t);
  return [
    { name: 'kind', label: t('award.kind'), kind: 'select', required: true, options: o.awardKind, span: 12 },
    {
      name: 'decisionDate',
      label: t('award.decisionDate'),
      kind: 'date',
      required: true,
      notFuture: true,
      span: 12,
    },
    {
      name: 'title',
      label: t('award.title'),
      kind: 'text',
      required: true,
      max: 300,
      span: 24,
      placeholder: t('award.titlePlaceholder'),
    },
    { name: 'decisionNumber', label: t('award.decisionNumber'), kind: 'text', max: 50, span: 12 },
    { name: 'issuer', label: t('award.issuer'), kind: 'text', max: 200, span: 12 },
  ];
}

export function trainingFields(t: TFunction): FieldSpec[] {
  const o = personOptions(t);
  return [
    {
      name: 'kind',
      label: t('training.kind'),
      kind: 'select',
      required: true,
      options: o.trainingKind,
      span: 12,
    },
    { name: 'certificate', label: t('training.certificate'), kind: 'text', max: 200, span: 12 },
    { name: 'course', label: t('training.course'), kind: 'text', required: true, max: 300, span: 24 },
    { name: 'institution', label: t('training.institution'), kind: 'text', max: 300, span: 24 },
    { name: 'startDate', label: t('training.startDate'), kind: 'date', required: true, span: 12 },
    { name: 'endDate', label: t('training.endDate'), kind: 'date', after: 'startDate', span: 12 },
  ];
}
