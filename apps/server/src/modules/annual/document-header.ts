/**
 * The heading of an annual-review document in the Party layout: the issuing committee (and the one
 * directly above it, if any) top left, the place and the date (YYYY-MM-DD) top right.
 */
export interface DocumentHeader {
  committee: string;
  superior: string | null;
  place: string;
  date: string;
}
