-- People: optimistic concurrency on every sub-record, and indexes for the person list.
-- pg_trgm is not used: the embedded engine loads only the extensions it is opened with, so
-- `CREATE EXTENSION pg_trgm` fails there; name search is a LIKE over search_key (docs/PEOPLE.md).

ALTER TABLE discipline ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE award ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE training ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Vietnamese name order with a stable tie-break for paging (sort_key is COLLATE "C").
DROP INDEX person_sort_idx;
CREATE INDEX person_sort_idx ON person (tenant_id, sort_key, id);
-- Age bands and the birth-date sort.
CREATE INDEX person_birth_idx ON person (tenant_id, birth_date);
