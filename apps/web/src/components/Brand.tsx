import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  /** Only the mark (narrow sider). */
  collapsed?: boolean;
  /** Name without the subtitle (phone header). */
  compact?: boolean;
  dark?: boolean;
}

/** Product mark: the name and, when there is room, what it is for. */
export function Brand({ collapsed = false, dark = false, compact = false }: Props) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={dark ? 'brand brand-dark' : 'brand'} aria-label={t('app.name')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed ? null : (
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          {compact ? null : <span className="brand-subtitle">{t('app.subtitle')}</span>}
        </span>
      )}
    </Link>
  );
}
