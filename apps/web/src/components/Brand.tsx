import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Product mark: the name and, when there is room, what it is for. */
export function Brand({ collapsed = false, dark = false }: { collapsed?: boolean; dark?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to="/" className={dark ? 'brand brand-dark' : 'brand'} aria-label={t('app.name')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed ? null : (
        <span className="brand-text">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </span>
      )}
    </Link>
  );
}
