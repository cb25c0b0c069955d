import { ArrowLeftOutlined, CheckOutlined, EyeOutlined } from '@ant-design/icons';
import type { OrgChangeView } from '@canbo/domain';
import {
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  Result,
  Row,
  Space,
  Steps,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../../components/DateInput';
import { formatDate } from '../../../components/format';
import { LinkButton } from '../../../components/LinkButton';
import { PageTitle } from '../../../components/PageTitle';
import { uniqueParticipants } from '../participants';

interface FrameProps {
  title: string;
  intro: string;
  steps: string[];
  current: number;
  id: string;
  children: ReactNode;
}

/** A restructuring wizard's page: title, what it does, the steps, the current step's content. */
export function WizardFrame({ title, intro, steps, current, id, children }: FrameProps) {
  const { t } = useTranslation();
  return (
    <>
      <LinkButton to="/org" icon={<ArrowLeftOutlined />} type="link" className="back-link">
        {t('unit.backToTree')}
      </LinkButton>
      <PageTitle title={title} />
      <Typography.Paragraph type="secondary" className="wizard-intro">
        {intro}
      </Typography.Paragraph>
      <Card size="small" id={id}>
        <Steps
          className="wizard-steps"
          current={current}
          size="small"
          items={steps.map((s) => ({ title: s }))}
        />
        <div className="wizard-body">{children}</div>
      </Card>
    </>
  );
}

/** Effective date, decision number and note: every operation has them. */
export function ChangeCommonFields({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col xs={24} sm={8}>
        <Form.Item
          name="effectiveDate"
          htmlFor={`${idPrefix}-date`}
          label={t('restructure.effectiveDate')}
          extra={t('restructure.effectiveHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <DateInput id={`${idPrefix}-date`} notFuture className="full-width" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={16}>
        <Form.Item
          name="decisionNumber"
          htmlFor={`${idPrefix}-decision`}
          label={t('restructure.decisionNumber')}
          rules={[{ max: 100, message: t('validation.maxLength', { max: 100 }) }]}
        >
          <Input id={`${idPrefix}-decision`} placeholder="1656/NQ-UBTVQH15" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="note"
          htmlFor={`${idPrefix}-note`}
          label={t('restructure.note')}
          rules={[{ max: 2000, message: t('validation.maxLength', { max: 2000 }) }]}
        >
          <Input.TextArea id={`${idPrefix}-note`} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

interface NavProps {
  onBack?: () => void;
  onNext?: () => void;
  nextLabel?: string;
  nextId?: string;
  loading?: boolean;
  kind?: 'next' | 'preview' | 'confirm';
  danger?: boolean;
}

/** Back and forward buttons under a step. */
export function WizardNav({ onBack, onNext, nextLabel, nextId, loading, kind = 'next', danger }: NavProps) {
  const { t } = useTranslation();
  return (
    <div className="wizard-nav">
      <Space wrap>
        {onBack ? (
          <Button onClick={onBack} icon={<ArrowLeftOutlined />}>
            {t('common.back')}
          </Button>
        ) : null}
        {onNext ? (
          <Button
            type="primary"
            danger={danger}
            id={nextId}
            loading={loading}
            onClick={onNext}
            icon={kind === 'preview' ? <EyeOutlined /> : kind === 'confirm' ? <CheckOutlined /> : undefined}
          >
            {nextLabel ?? t('common.next')}
          </Button>
        ) : null}
      </Space>
    </div>
  );
}

/** The last step: what was done, and where to go next. */
export function ChangeResult({ change, onAgain }: { change: OrgChangeView; onAgain: () => void }) {
  const { t } = useTranslation();
  const created = uniqueParticipants(change.summary.participants).filter(
    (p) => p.role === 'created' || p.role === 'target',
  );
  const subject = change.summary.participants.find((p) => p.role === 'subject');
  const links = created.length > 0 ? created : subject ? [subject] : [];
  const c = change.summary.counts;
  return (
    <div id="change-result">
      <Result
        status="success"
        title={t('restructure.resultTitle', { kind: t(`changeKinds.${change.kind}`) })}
        subTitle={t('restructure.resultSubtitle', {
          date: formatDate(change.effectiveDate),
          positions: c.positionsCreated + c.positionsMoved,
          people: c.peopleMoved,
        })}
        extra={
          <Space wrap>
            {links.map((p) => (
              <LinkButton key={p.unitId} type="primary" to={`/org/units/${p.unitId}`} id="result-open-unit">
                {t('restructure.viewUnit', { name: p.name })}
              </LinkButton>
            ))}
            <LinkButton to="/org">{t('restructure.backToTree')}</LinkButton>
            <Button onClick={onAgain}>{t('restructure.startOver')}</Button>
          </Space>
        }
      />
    </div>
  );
}

/**
 * The step's fields checked; false when one is wrong (the form already shows why). A failed check
 * must not become an unhandled rejection of the button's click handler.
 */
export async function stepValid(form: FormInstance): Promise<boolean> {
  try {
    await form.validateFields();
    return true;
  } catch {
    return false;
  }
}
