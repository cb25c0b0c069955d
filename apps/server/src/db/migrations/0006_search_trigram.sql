-- Name search ("nguyen van duc" anywhere in the name) without a full scan: a trigram index on the
-- unaccented, lower-case search key. pg_trgm is a trusted extension (PostgreSQL ≥ 13) and is loaded
-- into PGlite by db/engine.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX person_search_trgm_idx ON person USING gin (search_key gin_trgm_ops);
CREATE INDEX org_unit_search_trgm_idx ON org_unit USING gin (search_key gin_trgm_ops);
