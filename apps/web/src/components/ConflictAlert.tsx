import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Someone saved the record first (409): say so where the user looks, and offer to reload. */
export function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'center' });
  }, []);
  return (
    <div ref={ref} className="mb-16">
      <Alert
        id="conflict-alert"
        type="warning"
        showIcon
        title={t('errors.conflictTitle')}
        description={t('errors.conflictText')}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={onReload} id="conflict-reload">
            {t('common.reload')}
          </Button>
        }
      />
    </div>
  );
}
