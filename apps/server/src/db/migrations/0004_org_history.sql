-- Dated organisation history, completed: every unit has version rows carrying all its dated
-- attributes (and the keys that search and sort them "as of" a date), and each restructuring
-- operation lists the units it touched, so a unit's timeline is one indexed lookup.

ALTER TABLE org_unit_version
  ADD COLUMN level      text,
  ADD COLUMN address    text,
  ADD COLUMN admin_area text,
  ADD COLUMN search_key text COLLATE "C" NOT NULL DEFAULT '',
  ADD COLUMN sort_key   text COLLATE "C" NOT NULL DEFAULT '';

-- Open versions take the unit's current attributes.
UPDATE org_unit_version v
   SET level = u.level, address = u.address, admin_area = u.admin_area, search_key = u.search_key, sort_key = u.sort_key
  FROM org_unit u
 WHERE u.tenant_id = v.tenant_id AND u.id = v.unit_id AND v.valid_to IS NULL;

-- Units created after 0002 by code that did not write versions get their first one.
INSERT INTO org_unit_version (tenant_id, unit_id, valid_from, valid_to, code, name, short_name, type, parent_id, path, depth,
                              is_party_org, level, address, admin_area, search_key, sort_key)
SELECT u.tenant_id, u.id, u.valid_from, u.valid_to, u.code, u.name, u.short_name, u.type, u.parent_id, u.path, u.depth,
       u.is_party_org, u.level, u.address, u.admin_area, u.search_key, u.sort_key
  FROM org_unit u
 WHERE NOT EXISTS (SELECT 1 FROM org_unit_version v WHERE v.tenant_id = u.tenant_id AND v.unit_id = u.id);

-- The units each change touched and in which role ('subject', 'source', 'target', 'created',
-- 'parent', 'child', 'receiver'); descendants whose path changed are linked through
-- org_unit_version.change_id instead.
CREATE TABLE org_change_unit (
  tenant_id  uuid NOT NULL REFERENCES tenant (id),
  change_id  uuid NOT NULL,
  unit_id    uuid NOT NULL,
  role       text NOT NULL,
  PRIMARY KEY (tenant_id, change_id, unit_id, role),
  FOREIGN KEY (tenant_id, change_id) REFERENCES org_change (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES org_unit (tenant_id, id)
);
CREATE INDEX org_change_unit_unit_idx ON org_change_unit (tenant_id, unit_id);
-- Versions written by a change (a move rewrites every descendant's path).
CREATE INDEX org_unit_version_change_idx ON org_unit_version (tenant_id, change_id);
