import { useTranslation } from 'react-i18next';

/**
 * The name of a quota's group: a group of similar posts (a position's title group, e.g. "specialist")
 * or, for collectives, a unit type. Known codes are translated; a group an agency typed in is shown as is.
 */
export function useQuotaGroupLabel(): (group: string) => string {
  const { t, i18n } = useTranslation();
  return (group) => {
    for (const key of [`titleGroups.${group}`, `unitTypes.${group}`]) {
      if (i18n.exists(key)) return t(key as never);
    }
    return group;
  };
}
