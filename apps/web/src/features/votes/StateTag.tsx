import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS = { draft: 'default', open: 'processing', closed: 'success' } as const;

export function StateTag({ state }: { state: 'draft' | 'open' | 'closed' }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[state]}>{t(`votes.state.${state}`)}</Tag>;
}
