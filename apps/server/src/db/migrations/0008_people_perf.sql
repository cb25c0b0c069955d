-- People list and name search at city scale (issue 3).
--
-- Each page of the list comes with its total. Counting the tenant's active people (the default
-- filter), or those whose search key contains a two-letter fragment that no trigram can narrow, reads
-- every active row; in the heap, status and search_key come after some thirty columns, most of them
-- text, and a sequential count spends its time stepping over them. This narrow index holds what those
-- counts look at: with the visibility map set (autovacuum, or VACUUM after a bulk load) they run as
-- index-only scans, about twice as fast.
CREATE INDEX person_active_count_idx ON person (tenant_id) INCLUDE (search_key, code) WHERE status = 'active';

-- A unit's subtree lists the people whose record lies in it or who hold a post in it: both are found
-- unit by unit. Carrying the person's id in these two indexes makes each lookup index-only, where it
-- read a heap row per person and per post (and the planner preferred scanning both tables whole).
DROP INDEX person_unit_idx;
CREATE INDEX person_unit_idx ON person (tenant_id, unit_id) INCLUDE (id);
DROP INDEX position_unit_idx;
CREATE INDEX position_unit_idx ON position (tenant_id, unit_id, end_date) INCLUDE (person_id, start_date);
