import { App, Button, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewSettings, useSaveReviewSettings } from '../../api/evaluationAdmin';
import { ErrorAlert } from '../../components/ErrorAlert';

/** How many review levels a unit's evaluations pass before the head decides (1–3). */
export function ReviewLevelsCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useReviewSettings(unitId);
  const save = useSaveReviewSettings(unitId);
  const [levels, setLevels] = useState<number>(1);
  useEffect(() => {
    if (settings.data) setLevels(settings.data.reviewLevels);
  }, [settings.data]);
  return (
    <div className="mt-12" id="review-levels">
      <Space wrap align="center">
        <Typography.Text>{t('evaluations.settings.reviewLevels')}</Typography.Text>
        <InputNumber
          id="review-levels-input"
          min={1}
          max={3}
          precision={0}
          value={levels}
          onChange={(v) => setLevels(v ?? 1)}
        />
        <Button
          id="review-levels-save"
          loading={save.isPending}
          disabled={settings.data?.reviewLevels === levels}
          onClick={() =>
            save
              .mutateAsync({
                reviewLevels: levels,
                ...(settings.data ? { version: settings.data.version } : {}),
              })
              .then(() => message.success(t('common.saved')))
              .catch(() => undefined)
          }
        >
          {t('common.save')}
        </Button>
      </Space>
      <div className="small-note">{t('evaluations.settings.reviewLevelsHint')}</div>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {settings.error ? <ErrorAlert error={settings.error} /> : null}
    </div>
  );
}
