import type { UNIT_LEVELS, UnitType } from '@canbo/domain';
import { Col, Form, Input, Row, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_LEVEL_LIST, UNIT_TYPE_LIST } from '../../components/codeLists';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';

export const UNIT_CODE_PATTERN = /^[A-Za-z0-9._-]+$/;

/** Party organisations by type: the switch follows the type unless the user sets it. */
export const PARTY_TYPES: readonly UnitType[] = [
  'city_party_committee',
  'affiliated_party_committee',
  'base_party_committee',
  'base_party_cell',
  'party_cell',
];

export interface UnitFieldValues {
  code: string;
  name: string;
  shortName?: string;
  type: UnitType;
  level?: (typeof UNIT_LEVELS)[number];
  isPartyOrg?: boolean;
  address?: string;
  adminArea?: string;
  parentId?: string;
}

export function useUnitTypeOptions() {
  const { t } = useTranslation();
  return UNIT_TYPE_LIST.map((type) => ({ value: type, label: t(`unitTypes.${type}`) }));
}

interface Props {
  /** Name path of the group inside the form (e.g. `['into']`, or a list item's index). */
  prefix?: (string | number)[];
  /** Element ids start with this (e.g. "new-unit" gives #new-unit-code). */
  idPrefix: string;
  parent?: 'required' | 'optional' | 'none';
  parentHint?: ReactNode;
  /** Label of a parent chosen already that the picker has not loaded. */
  parentLabel?: string;
  /** Only code, name, short name, type and parent (the wizards); the rest can be edited later. */
  compact?: boolean;
}

/** The attributes of a new unit: used by the create form, the merge result and the split parts. */
export function UnitFields({
  prefix = [],
  idPrefix,
  parent = 'none',
  parentHint,
  parentLabel,
  compact = false,
}: Props) {
  const { t } = useTranslation();
  const typeOptions = useUnitTypeOptions();
  const name = (field: string) => [...prefix, field];
  const id = (field: string) => `${idPrefix}-${field}`;
  const required = { required: true, whitespace: true, message: t('validation.required') };

  return (
    <Row gutter={12}>
      <Col xs={24} sm={10}>
        <Form.Item
          name={name('code')}
          htmlFor={id('code')}
          label={t('unit.code')}
          extra={compact ? undefined : t('unit.codeHint')}
          rules={[
            required,
            { max: 50, message: t('validation.maxLength', { max: 50 }) },
            { pattern: UNIT_CODE_PATTERN, message: t('validation.unitCode') },
          ]}
        >
          <Input id={id('code')} autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={14}>
        <Form.Item
          name={name('type')}
          htmlFor={id('type')}
          label={t('unit.type')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select id={id('type')} options={typeOptions} placeholder={t('unit.typePick')} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name={name('name')}
          htmlFor={id('name')}
          label={t('unit.name')}
          rules={[required, { max: 300, message: t('validation.maxLength', { max: 300 }) }]}
        >
          <Input id={id('name')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={compact ? 24 : 12}>
        <Form.Item
          name={name('shortName')}
          htmlFor={id('shortName')}
          label={t('unit.shortName')}
          rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
        >
          <Input id={id('shortName')} autoComplete="off" />
        </Form.Item>
      </Col>
      {compact ? null : (
        <>
          <Col xs={12} sm={6}>
            <Form.Item name={name('level')} htmlFor={id('level')} label={t('unit.level')}>
              <Select
                id={id('level')}
                allowClear
                options={UNIT_LEVEL_LIST.map((level) => ({ value: level, label: t(`unitLevels.${level}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name={name('isPartyOrg')}
              htmlFor={id('isPartyOrg')}
              label={t('unit.isPartyOrg')}
              valuePropName="checked"
            >
              <Switch id={id('isPartyOrg')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={name('adminArea')}
              htmlFor={id('adminArea')}
              label={t('unit.adminArea')}
              rules={[{ max: 200, message: t('validation.maxLength', { max: 200 }) }]}
            >
              <Input id={id('adminArea')} placeholder={t('unit.adminAreaHint')} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name={name('address')}
              htmlFor={id('address')}
              label={t('unit.address')}
              rules={[{ max: 500, message: t('validation.maxLength', { max: 500 }) }]}
            >
              <Input id={id('address')} />
            </Form.Item>
          </Col>
        </>
      )}
      {parent !== 'none' ? (
        <Col span={24}>
          <Form.Item
            name={name('parentId')}
            htmlFor={id('parent')}
            label={t('unit.parent')}
            extra={parentHint}
            rules={parent === 'required' ? [{ required: true, message: t('validation.required') }] : []}
          >
            <UnitTreeSelect id={id('parent')} allowClear={parent === 'optional'} initialLabel={parentLabel} />
          </Form.Item>
        </Col>
      ) : null}
    </Row>
  );
}

/** Trimmed text or undefined: the API refuses blank strings. */
export function text(value: string | undefined | null): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** A form's values as a NewUnitSpec / CreateUnitInput body. */
export function unitSpec(v: UnitFieldValues) {
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    shortName: text(v.shortName),
    type: v.type,
    level: v.level,
    address: text(v.address),
    adminArea: text(v.adminArea),
    isPartyOrg: v.isPartyOrg ?? PARTY_TYPES.includes(v.type),
    parentId: v.parentId,
  };
}
