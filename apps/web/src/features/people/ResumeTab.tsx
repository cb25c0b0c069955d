import { EditOutlined } from '@ant-design/icons';
import type { PersonProfile } from '@canbo/domain';
import { Button, Card, Col, Descriptions, type DescriptionsProps, Row, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../components/format';
import { CccdValue, Masked, PartyStatusTag } from './Masked';
import { PersonEditDrawer } from './PersonEditDrawer';
import type { PersonSection } from './personForm';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** Sơ yếu lý lịch: the record laid out like the résumé form, one card per section, each with its edit form. */
export function ResumeTab({ person, onReload }: { person: PersonProfile; onReload: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<PersonSection | null>(null);
  const p = person;
  const canEdit = p.abilities.manage;
  const editButton = (section: PersonSection) =>
    canEdit ? (
      <Button size="small" icon={<EditOutlined />} id={`edit-${section}`} onClick={() => setEditing(section)}>
        {t('common.edit')}
      </Button>
    ) : null;
  const descriptions = (items: DescriptionsProps['items'], wide = false) => (
    <Descriptions
      size="small"
      column={wide ? { xs: 1, sm: 2, lg: 3 } : { xs: 1, sm: 2, xl: 1, xxl: 2 }}
      items={items}
      className="resume-descriptions"
    />
  );
  const current = p.positions.filter((x) => x.current);
  const career = [...p.positions].sort((a, b) => (a.startDate < b.startDate ? -1 : 1));

  return (
    <>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card
            size="small"
            title={t('person.sections.identity')}
            extra={editButton('identity')}
            id="resume-identity"
          >
            {descriptions(
              [
                {
                  key: 'fullName',
                  label: t('person.fields.fullName'),
                  children: <strong>{p.fullName}</strong>,
                },
                { key: 'otherName', label: t('person.fields.otherName'), children: dash(p.otherName) },
                { key: 'sex', label: t('person.fields.sex'), children: t(`sexes.${p.sex}`) },
                {
                  key: 'birthDate',
                  label: t('person.fields.birthDate'),
                  children: `${formatDate(p.birthDate)} (${t('person.age', { count: p.age })})`,
                },
                { key: 'birthPlace', label: t('person.fields.birthPlace'), children: dash(p.birthPlace) },
                { key: 'hometown', label: t('person.fields.hometown'), children: dash(p.hometown) },
                { key: 'ethnicity', label: t('person.fields.ethnicity'), children: p.ethnicity },
                { key: 'religion', label: t('person.fields.religion'), children: dash(p.religion) },
                {
                  key: 'cccd',
                  label: t('person.fields.cccd'),
                  children: <CccdValue cccd={p.cccd} masked={p.cccdMasked} />,
                },
                { key: 'phone', label: t('person.fields.phone'), children: dash(p.phone) },
                { key: 'email', label: t('person.fields.email'), children: dash(p.email) },
                {
                  key: 'party',
                  label: t('person.tabs.party'),
                  children:
                    p.partyMasked || !p.party ? <Masked /> : <PartyStatusTag status={p.party.status} />,
                },
              ],
              true,
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('person.sections.employment')}
            extra={editButton('employment')}
            id="resume-employment"
          >
            {descriptions([
              { key: 'code', label: t('person.fields.code'), children: p.code },
              {
                key: 'unit',
                label: t('person.fields.unit'),
                children: <Link to={`/org/units/${p.unitId}`}>{p.unitName}</Link>,
              },
              {
                key: 'category',
                label: t('person.fields.staffCategory'),
                children: t(`staffCategories.${p.staffCategory}`),
              },
              { key: 'status', label: t('person.fields.status'), children: t(`personStatuses.${p.status}`) },
              {
                key: 'salary',
                label: t('person.salary'),
                children:
                  p.salaryScale || p.salaryStep
                    ? t('person.salaryValue', {
                        scale: p.salaryScale ?? '—',
                        step: p.salaryStep ?? '—',
                        date: formatDate(p.salaryDate),
                      })
                    : '—',
              },
              {
                key: 'positions',
                label: t('person.currentPositions'),
                span: 'filled',
                children:
                  current.length === 0 ? (
                    '—'
                  ) : (
                    <div>
                      {current.map((x) => (
                        <div key={x.id}>
                          {x.title}, {x.unitName}{' '}
                          {x.isConcurrent ? <Tag color="purple">{t('position.isConcurrent')}</Tag> : null}
                        </div>
                      ))}
                    </div>
                  ),
              },
            ])}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            size="small"
            title={t('person.sections.qualifications')}
            extra={editButton('qualifications')}
            id="resume-qualifications"
          >
            {descriptions([
              {
                key: 'education',
                label: t('person.fields.educationLevel'),
                children: dash(p.educationLevel),
              },
              {
                key: 'professional',
                label: t('person.fields.professionalQualification'),
                children: dash(p.professionalQualification),
              },
              {
                key: 'politicalTheory',
                label: t('person.fields.politicalTheory'),
                children: p.politicalTheory ? t(`politicalTheory.${p.politicalTheory}`) : '—',
              },
              {
                key: 'stateManagement',
                label: t('person.fields.stateManagement'),
                children: dash(p.stateManagement),
              },
              {
                key: 'foreignLanguage',
                label: t('person.fields.foreignLanguage'),
                children: dash(p.foreignLanguage),
              },
              { key: 'it', label: t('person.fields.itLevel'), children: dash(p.itLevel) },
            ])}
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('person.careerSummary')} id="resume-career">
            {career.length === 0 ? (
              <Typography.Text type="secondary">{t('position.none')}</Typography.Text>
            ) : (
              <ul className="career-list">
                {career.map((x) => (
                  <li key={x.id}>
                    <span className="career-period">
                      {formatDate(x.startDate)} – {x.endDate ? formatDate(x.endDate) : t('position.now')}
                    </span>
                    <span>
                      {x.title}, {x.unitName}
                      {x.isConcurrent ? (
                        <Tag color="purple" className="inline-tag">
                          {t('position.isConcurrent')}
                        </Tag>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
      {editing ? (
        <PersonEditDrawer
          person={person}
          section={editing}
          onClose={() => setEditing(null)}
          onReload={onReload}
        />
      ) : null}
    </>
  );
}
