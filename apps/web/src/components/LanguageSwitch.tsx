import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, setLanguage } from '../i18n';

export function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      id="lang-switch"
      size="small"
      aria-label={t('header.language')}
      value={currentLanguage()}
      onChange={(lang) => void setLanguage(lang)}
      options={[
        { value: 'vi', label: 'VI', title: t('languages.vi') },
        { value: 'en', label: 'EN', title: t('languages.en') },
      ]}
    />
  );
}
