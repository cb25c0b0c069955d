import { AutoComplete, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { todayInVietnam } from '../../components/dates';
import { UnitTreeSelect } from '../../components/UnitTreeSelect';
import { ethnicityOptions, personOptions } from './options';
import { cccdProblems, isPhone, PERSON_CODE_PATTERN, type PersonSection } from './personForm';

interface Props {
  section: PersonSection;
  idPrefix: string;
  /** Show the CCCD field (the user may read and write sensitive data). */
  sensitive: boolean;
  /** New record: the code may be left empty (generated), the status is not asked. */
  creating?: boolean;
  /** Label of the record's unit for the picker before its tree is loaded. */
  unitLabel?: string;
  /** The record's CCCD is hidden from this user: the field starts empty and is left as it is unless typed. */
  cccdMasked?: boolean;
}

/** The form fields of one section of the résumé, with the server's rules checked as the user types. */
export function PersonFields({ section, idPrefix, sensitive, creating, unitLabel, cccdMasked }: Props) {
  const { t, i18n } = useTranslation();
  const options = personOptions(t);
  const english = i18n.language === 'en';
  const id = (f: string) => `${idPrefix}-${f}`;
  const required: Rule = { required: true, whitespace: true, message: t('validation.required') };
  const max = (n: number): Rule => ({ max: n, message: t('validation.maxLength', { max: n }) });
  const notFuture: Rule = {
    validator: (_, v: Dayjs | undefined) =>
      v && v.format('YYYY-MM-DD') > todayInVietnam()
        ? Promise.reject(new Error(t('validation.notFuture')))
        : Promise.resolve(),
  };
  const date = (name: string, label: string, rules: Rule[] = []) => (
    <Form.Item name={name} htmlFor={id(name)} label={label} rules={rules}>
      <DateInput id={id(name)} notFuture className="full-width" />
    </Form.Item>
  );
  const textField = (name: string, label: string, rules: Rule[] = [], placeholder?: string) => (
    <Form.Item name={name} htmlFor={id(name)} label={label} rules={rules}>
      <Input id={id(name)} placeholder={placeholder} autoComplete="off" />
    </Form.Item>
  );

  if (section === 'identity') {
    return (
      <Row gutter={12}>
        <Col xs={24} sm={16}>
          {textField('fullName', t('person.fields.fullName'), [required, max(150)])}
        </Col>
        <Col xs={24} sm={8}>
          {textField('otherName', t('person.fields.otherName'), [max(150)])}
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item
            name="sex"
            htmlFor={id('sex')}
            label={t('person.fields.sex')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select id={id('sex')} options={options.sex} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          {date('birthDate', t('person.fields.birthDate'), [
            { required: true, message: t('validation.required') },
            {
              validator: (_, v: Dayjs | undefined) =>
                v && v.format('YYYY-MM-DD') >= todayInVietnam()
                  ? Promise.reject(new Error(t('validation.birthBeforeToday')))
                  : v && v.year() < 1900
                    ? Promise.reject(new Error(t('validation.yearRange')))
                    : Promise.resolve(),
            },
          ])}
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="ethnicity"
            htmlFor={id('ethnicity')}
            label={t('person.fields.ethnicity')}
            rules={[max(50)]}
          >
            <AutoComplete
              id={id('ethnicity')}
              options={ethnicityOptions}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .startsWith(input.toLowerCase()),
              }}
              placeholder="Kinh"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          {textField('birthPlace', t('person.fields.birthPlace'), [max(300)])}
        </Col>
        <Col xs={24} sm={12}>
          {textField('hometown', t('person.fields.hometown'), [max(300)])}
        </Col>
        <Col xs={24} sm={12}>
          {textField('religion', t('person.fields.religion'), [max(100)], t('person.religionNone'))}
        </Col>
        {sensitive ? (
          <Col xs={24} sm={12}>
            <Form.Item
              name="cccd"
              htmlFor={id('cccd')}
              label={t('person.fields.cccd')}
              extra={cccdMasked ? t('person.cccdMaskedHint') : undefined}
              dependencies={['sex', 'birthDate']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, v: string | undefined) => {
                    if (!v?.trim()) return Promise.resolve();
                    const problems = cccdProblems(
                      v,
                      { sex: getFieldValue('sex'), birthDate: getFieldValue('birthDate') },
                      english,
                    );
                    return problems.length
                      ? Promise.reject(new Error(problems.join(' ')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <Input
                id={id('cccd')}
                inputMode="numeric"
                maxLength={15}
                autoComplete="off"
                placeholder="001089012345"
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} sm={12}>
          {textField(
            'phone',
            t('person.fields.phone'),
            [
              {
                validator: (_, v: string | undefined) =>
                  !v?.trim() || isPhone(v)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('validation.phone'))),
              },
            ],
            '0912345678',
          )}
        </Col>
        <Col xs={24} sm={12}>
          {textField('email', t('person.fields.email'), [
            { type: 'email', message: t('validation.email') },
            max(254),
          ])}
        </Col>
      </Row>
    );
  }

  if (section === 'employment') {
    return (
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          {textField(
            'code',
            t('person.fields.code'),
            [max(30), { pattern: PERSON_CODE_PATTERN, message: t('validation.personCode') }],
            creating ? t('person.codeAuto') : undefined,
          )}
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="staffCategory"
            htmlFor={id('staffCategory')}
            label={t('person.fields.staffCategory')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select id={id('staffCategory')} options={options.staffCategory} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="unitId"
            htmlFor={id('unitId')}
            label={t('person.fields.unit')}
            extra={t('person.unitHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <UnitTreeSelect id={id('unitId')} initialLabel={unitLabel} />
          </Form.Item>
        </Col>
        {creating ? null : (
          <Col xs={24} sm={12}>
            <Form.Item
              name="status"
              htmlFor={id('status')}
              label={t('person.fields.status')}
              rules={[{ required: true, message: t('validation.required') }]}
            >
              <Select id={id('status')} options={options.personStatus} />
            </Form.Item>
          </Col>
        )}
        <Col xs={12} sm={creating ? 8 : 4}>
          {textField('salaryScale', t('person.fields.salaryScale'), [max(20)], '01.003')}
        </Col>
        <Col xs={12} sm={creating ? 8 : 4}>
          <Form.Item
            name="salaryStep"
            htmlFor={id('salaryStep')}
            label={t('person.fields.salaryStep')}
            rules={[
              { type: 'integer', min: 1, max: 20, message: t('validation.numberRange', { min: 1, max: 20 }) },
            ]}
          >
            <InputNumber id={id('salaryStep')} min={1} max={20} precision={0} className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={creating ? 8 : 4}>
          {date('salaryDate', t('person.fields.salaryDate'), [notFuture])}
        </Col>
      </Row>
    );
  }

  return (
    <Row gutter={12}>
      <Col xs={24} sm={12}>
        {textField('educationLevel', t('person.fields.educationLevel'), [max(100)], '12/12')}
      </Col>
      <Col xs={24} sm={12}>
        <Form.Item
          name="politicalTheory"
          htmlFor={id('politicalTheory')}
          label={t('person.fields.politicalTheory')}
        >
          <Select id={id('politicalTheory')} allowClear options={options.politicalTheory} />
        </Form.Item>
      </Col>
      <Col span={24}>
        {textField('professionalQualification', t('person.fields.professionalQualification'), [max(300)])}
      </Col>
      <Col xs={24} sm={12}>
        {textField('stateManagement', t('person.fields.stateManagement'), [max(100)])}
      </Col>
      <Col xs={24} sm={12}>
        {textField('foreignLanguage', t('person.fields.foreignLanguage'), [max(100)])}
      </Col>
      <Col xs={24} sm={12}>
        {textField('itLevel', t('person.fields.itLevel'), [max(100)])}
      </Col>
    </Row>
  );
}
