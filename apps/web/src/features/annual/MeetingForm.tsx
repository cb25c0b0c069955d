import { Button, Col, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../components/DateInput';
import { fromIsoDate, toIsoDate } from '../../components/dates';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Meeting, MeetingBody } from './api';

interface Values {
  meetingDate?: Dayjs;
  present?: number;
  summoned?: number;
  minutes?: string;
  chairedBy?: string;
}

interface Props {
  meeting: Meeting | null;
  editable: boolean;
  saving: boolean;
  onSave: (body: MeetingBody) => Promise<unknown>;
}

/** The unit's review meeting: date, attendance, minutes and who chaired it. */
export function MeetingForm({ meeting, editable, saving, onSave }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const initial: Values = meeting
    ? {
        meetingDate: fromIsoDate(meeting.meetingDate),
        present: meeting.present,
        summoned: meeting.summoned,
        minutes: meeting.minutes,
        chairedBy: meeting.chairedBy ?? undefined,
      }
    : {};

  const submit = async (v: Values) => {
    setError(null);
    try {
      await onSave({
        meetingDate: toIsoDate(v.meetingDate) as string,
        present: v.present ?? 0,
        summoned: v.summoned ?? 1,
        minutes: (v.minutes ?? '').trim(),
        chairedBy: v.chairedBy?.trim() || null,
        ...(meeting ? { version: meeting.version } : {}),
      });
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      name="meeting"
      initialValues={initial}
      onFinish={submit}
      disabled={!editable}
      key={meeting?.version ?? 0}
    >
      {error ? (
        <div className="mb-16">
          <ErrorAlert error={error} id="meeting-error" />
        </div>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="meetingDate" label={t('annual.meeting.date')} rules={[{ required: true }]}>
            <DateInput className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item
            name="present"
            label={t('annual.meeting.present')}
            dependencies={['summoned']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: number | undefined) =>
                  value === undefined || value <= (getFieldValue('summoned') ?? 0)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('annual.meeting.presentTooMany'))),
              }),
            ]}
          >
            <InputNumber min={0} precision={0} className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={4}>
          <Form.Item name="summoned" label={t('annual.meeting.summoned')} rules={[{ required: true }]}>
            <InputNumber min={1} precision={0} className="full-width" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="chairedBy" label={t('annual.meeting.chairedBy')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="minutes"
        label={t('annual.meeting.minutes')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={4} maxLength={20000} showCount />
      </Form.Item>
      {editable ? (
        <Button type="primary" htmlType="submit" id="meeting-save" loading={saving}>
          {t('annual.meeting.save')}
        </Button>
      ) : null}
    </Form>
  );
}
