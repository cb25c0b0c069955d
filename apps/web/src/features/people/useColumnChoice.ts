import { useState } from 'react';
import { DEFAULT_COLUMNS, PERSON_COLUMNS, type PersonColumn } from './personColumns';

const STORAGE_KEY = 'canbo.people.columns';

function load(): PersonColumn[] {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_COLUMNS;
    const parsed = JSON.parse(raw) as unknown;
    if (!Array.isArray(parsed)) return DEFAULT_COLUMNS;
    const known = parsed.filter((c): c is PersonColumn => (PERSON_COLUMNS as readonly string[]).includes(c));
    return known.includes('fullName') ? known : ['fullName', ...known];
  } catch {
    return DEFAULT_COLUMNS;
  }
}

/** The columns the user chose for the people list, remembered on this browser. */
export function useColumnChoice() {
  const [columns, setColumns] = useState<PersonColumn[]>(load);
  const save = (next: PersonColumn[]) => {
    // The name always stays: it is the link to the profile.
    const withName = next.includes('fullName') ? next : (['fullName', ...next] as PersonColumn[]);
    const ordered = PERSON_COLUMNS.filter((c) => withName.includes(c));
    setColumns(ordered);
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(ordered));
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  };
  return {
    columns,
    setColumns: save,
    reset: () => save(DEFAULT_COLUMNS),
  };
}
