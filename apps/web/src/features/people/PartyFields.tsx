import { Col, Form, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { toIsoDate } from '../../components/dates';
import { personOptions } from './options';
import { CARD_NUMBER_PATTERN, type PartyFormValues, partyProblems } from './personForm';

interface Props {
  /** Name path of the party group in the form: `[]` for the party form, `['party']` in the create form. */
  prefix: string[];
  idPrefix: string;
  /** The person's birth date ('YYYY-MM-DD'), or the form field holding it. */
  birthDate: string | null | { field: string };
}

const KEYS = ['status', 'admittedDate', 'fullDate', 'cardNumber'] as const;

/** Party membership: status, admission and full-member dates, card number; the server's rules checked here too. */
export function PartyFields({ prefix, idPrefix, birthDate }: Props) {
  const { t } = useTranslation();
  const options = personOptions(t);
  const name = (f: string) => [...prefix, f];
  const id = (f: string) => `${idPrefix}-${f}`;
  const others = (f: string) => [
    ...KEYS.filter((k) => k !== f).map((k) => name(k)),
    ...(typeof birthDate === 'object' && birthDate ? [birthDate.field] : []),
  ];

  const rule =
    (field: (typeof KEYS)[number]): Rule =>
    ({ getFieldValue }) => ({
      validator: () => {
        const values = Object.fromEntries(
          KEYS.map((k) => [k, getFieldValue(name(k))]),
        ) as unknown as PartyFormValues;
        if (!values.status) return Promise.resolve();
        const born =
          typeof birthDate === 'object' && birthDate
            ? (toIsoDate(getFieldValue(birthDate.field) as Dayjs | undefined) ?? null)
            : birthDate;
        const problem = partyProblems(values, born)[field];
        return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
      },
    });

  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('status')}
          htmlFor={id('status')}
          label={t('party.status')}
          dependencies={others('status')}
          rules={[{ required: true, message: t('validation.required') }, rule('status')]}
        >
          <Select id={id('status')} options={options.partyStatus} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('cardNumber')}
          htmlFor={id('cardNumber')}
          label={t('party.cardNumber')}
          dependencies={others('cardNumber')}
          rules={[
            { max: 20, message: t('validation.maxLength', { max: 20 }) },
            { pattern: CARD_NUMBER_PATTERN, message: t('validation.cardNumber') },
          ]}
        >
          <Input id={id('cardNumber')} autoComplete="off" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('admittedDate')}
          htmlFor={id('admittedDate')}
          label={t('party.admittedDate')}
          dependencies={others('admittedDate')}
          rules={[rule('admittedDate')]}
        >
          <DateInput id={id('admittedDate')} notFuture className="full-width" />
        </Form.Item>
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name={name('fullDate')}
          htmlFor={id('fullDate')}
          label={t('party.fullDate')}
          dependencies={others('fullDate')}
          rules={[rule('fullDate')]}
        >
          <DateInput id={id('fullDate')} notFuture className="full-width" />
        </Form.Item>
      </Col>
    </Row>
  );
}
