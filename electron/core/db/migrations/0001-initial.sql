-- Schema version 1: the whole domain, so later features extend it with new migrations.
-- Times are UTC instants as ISO 8601 text ('2026-11-29T10:00:00.000Z'); local dates as 'YYYY-MM-DD';
-- local times of day as 'HH:MM'. JSON columns hold what has no fixed shape (extra imported attributes).

-- Small facts about this database itself, such as which bundled catalog data it has loaded.
CREATE TABLE app_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE site (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE organization (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL DEFAULT '',
  default_site_id INTEGER REFERENCES site (id),
  policies_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  site_id INTEGER NOT NULL REFERENCES site (id),
  name TEXT NOT NULL,
  cost_center TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (site_id, name)
);

CREATE TABLE vendor (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE vendor_alias (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER NOT NULL REFERENCES vendor (id) ON DELETE CASCADE,
  alias TEXT NOT NULL UNIQUE COLLATE NOCASE,
  source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('bundled', 'user'))
);

CREATE TABLE product_family (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER NOT NULL REFERENCES vendor (id),
  name TEXT NOT NULL COLLATE NOCASE,
  UNIQUE (vendor_id, name)
);

CREATE TABLE model_alias (
  id INTEGER PRIMARY KEY,
  family_id INTEGER NOT NULL REFERENCES product_family (id) ON DELETE CASCADE,
  model TEXT NOT NULL COLLATE NOCASE,
  source TEXT NOT NULL DEFAULT 'user' CHECK (source IN ('bundled', 'user')),
  UNIQUE (family_id, model)
);

CREATE TABLE device (
  id INTEGER PRIMARY KEY,
  -- The usual import key; NULL only for devices imported with the serial number as key.
  asset_tag TEXT UNIQUE,
  serial TEXT,
  manufacturer TEXT,
  vendor_id INTEGER REFERENCES vendor (id),
  model TEXT,
  family_id INTEGER REFERENCES product_family (id),
  modality TEXT,
  department_id INTEGER REFERENCES department (id),
  location TEXT,
  ip TEXT,
  mac TEXT,
  hostname TEXT,
  os TEXT,
  software_version TEXT,
  install_date TEXT,
  state TEXT NOT NULL DEFAULT 'unassessed' CHECK (state IN (
    'unassessed', 'affected', 'isolation-planned', 'isolated', 'patch-planned', 'patched', 'verified',
      'reconnected', 'risk-accepted', 'not-affected', 'decommissioned')),
  network_state TEXT NOT NULL DEFAULT 'connected' CHECK (network_state IN ('connected', 'isolated', 'disconnected')),
  state_reason TEXT,
  -- The advisory's compensating controls in place for this device: {"dedicatedSegment": true, ...}.
  controls_json TEXT NOT NULL DEFAULT '{}',
  risk_approver TEXT,
  risk_review_date TEXT,
  extra_json TEXT NOT NULL DEFAULT '{}',
  flags_json TEXT NOT NULL DEFAULT '[]',
  -- Counts every change; "Undo import" compares it to tell whether a device changed after a batch.
  revision INTEGER NOT NULL DEFAULT 0,
  -- The import batch that created the device, if one did.
  import_batch_id INTEGER REFERENCES import_batch (id),
  -- What the register's free-text search looks in, kept by SQLite on every write (one LIKE instead of thirteen).
  search_text TEXT GENERATED ALWAYS AS (
    coalesce(asset_tag, '') || char(31) || coalesce(serial, '') || char(31) || coalesce(manufacturer, '') || char(31) ||
    coalesce(model, '') || char(31) || coalesce(modality, '') || char(31) || coalesce(location, '') || char(31) ||
    coalesce(ip, '') || char(31) || coalesce(mac, '') || char(31) || coalesce(hostname, '') || char(31) ||
    coalesce(os, '') || char(31) || coalesce(software_version, '') || char(31) || extra_json
  ) STORED,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- No further indexes on device: imports and the register read it whole (100,000 rows scan in milliseconds),
-- and each index costs every import of every row (measured).

CREATE TABLE mapping_template (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  header_signature TEXT,
  mapping_json TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('devices', 'advisory', 'site')),
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  os_user TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  options_json TEXT NOT NULL DEFAULT '{}',
  mapping_json TEXT NOT NULL DEFAULT '{}',
  added INTEGER NOT NULL DEFAULT 0,
  updated INTEGER NOT NULL DEFAULT 0,
  unchanged INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'committed' CHECK (status IN ('committed', 'undone')),
  undone_at TEXT
);

-- A device an import batch updated: its columns before, and its revision after, so "Undo import" can restore
-- exactly the previous state unless the device changed since. (Devices a batch added carry import_batch_id.)
CREATE TABLE import_batch_device (
  batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  device_id INTEGER NOT NULL REFERENCES device (id) ON DELETE CASCADE,
  before_json TEXT NOT NULL,
  revision_after INTEGER NOT NULL,
  PRIMARY KEY (batch_id, device_id)
);
CREATE INDEX import_batch_device_device ON import_batch_device (device_id);

CREATE TABLE advisory (
  id INTEGER PRIMARY KEY,
  tracking_id TEXT NOT NULL UNIQUE COLLATE NOCASE,
  title TEXT NOT NULL,
  publisher TEXT,
  version TEXT NOT NULL,
  initial_release TEXT,
  current_release TEXT,
  source TEXT NOT NULL CHECK (source IN ('bundled', 'csaf', 'manual')),
  validation TEXT NOT NULL DEFAULT 'valid' CHECK (validation IN ('valid', 'findings')),
  findings_json TEXT NOT NULL DEFAULT '[]',
  review_items_json TEXT NOT NULL DEFAULT '[]',
  document_json TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE advisory_revision (
  id INTEGER PRIMARY KEY,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  version TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  document_json TEXT,
  UNIQUE (advisory_id, version)
);

CREATE TABLE vulnerability (
  id INTEGER PRIMARY KEY,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  cve TEXT,
  title TEXT,
  cvss_version TEXT,
  cvss_vector TEXT,
  cvss_score REAL CHECK (cvss_score IS NULL OR (cvss_score >= 0 AND cvss_score <= 10)),
  services_json TEXT NOT NULL DEFAULT '[]',
  UNIQUE (advisory_id, cve)
);

CREATE TABLE advisory_product (
  id INTEGER PRIMARY KEY,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  document_product_id TEXT,
  vendor_id INTEGER REFERENCES vendor (id),
  family_id INTEGER REFERENCES product_family (id),
  product_name TEXT NOT NULL,
  os TEXT,
  version_range TEXT,
  status TEXT NOT NULL CHECK (status IN (
    'known-affected', 'fixed', 'known-not-affected', 'under-investigation', 'needs-review')),
  UNIQUE (advisory_id, document_product_id)
);

-- Which products each vulnerability names, and how (known_affected, fixed, ..., or only in a score).
CREATE TABLE vulnerability_product (
  vulnerability_id INTEGER NOT NULL REFERENCES vulnerability (id) ON DELETE CASCADE,
  advisory_product_id INTEGER NOT NULL REFERENCES advisory_product (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  PRIMARY KEY (vulnerability_id, advisory_product_id, status)
);

CREATE TABLE remediation (
  id INTEGER PRIMARY KEY,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  vulnerability_id INTEGER REFERENCES vulnerability (id) ON DELETE CASCADE,
  category TEXT NOT NULL,
  details TEXT NOT NULL,
  url TEXT,
  product_ids_json TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE patch_availability (
  id INTEGER PRIMARY KEY,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  family_id INTEGER NOT NULL REFERENCES product_family (id),
  version_range TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('none-available', 'announced', 'available', 'superseded', 'no-fix-planned')),
  expected_date TEXT,
  available_from TEXT,
  update_id TEXT,
  delivery TEXT CHECK (delivery IS NULL OR delivery IN ('on-site', 'remote', 'customer-installable')),
  source_note TEXT,
  updated_at TEXT NOT NULL,
  UNIQUE (advisory_id, family_id, version_range)
);

-- A person's decision about a vendor's model, remembered so later imports apply it.
CREATE TABLE match_rule (
  id INTEGER PRIMARY KEY,
  vendor_id INTEGER REFERENCES vendor (id),
  model TEXT NOT NULL COLLATE NOCASE,
  family_id INTEGER REFERENCES product_family (id),
  decision TEXT NOT NULL CHECK (decision IN ('member-of-family', 'not-affected')),
  reason TEXT,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (vendor_id, model)
);

CREATE TABLE device_match (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES device (id) ON DELETE CASCADE,
  advisory_id INTEGER NOT NULL REFERENCES advisory (id) ON DELETE CASCADE,
  advisory_product_id INTEGER REFERENCES advisory_product (id) ON DELETE SET NULL,
  basis TEXT NOT NULL CHECK (basis IN ('rule', 'alias', 'suggestion')),
  status TEXT NOT NULL CHECK (status IN ('suggested', 'confirmed', 'rejected', 'needs-review')),
  reason TEXT NOT NULL,
  decided_by TEXT,
  decided_at TEXT,
  UNIQUE (device_id, advisory_id)
);

-- Per device, what its open matches add up to: written with the matches, read by the register and the planner.
CREATE TABLE device_risk (
  device_id INTEGER PRIMARY KEY REFERENCES device (id) ON DELETE CASCADE,
  advisories TEXT NOT NULL,
  max_cvss REAL,
  patch_status TEXT NOT NULL,
  needs_review INTEGER NOT NULL,
  priority INTEGER NOT NULL
);

CREATE TABLE team (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('network', 'vendor-field-service', 'biomed', 'other')),
  work_days TEXT NOT NULL DEFAULT '1,2,3,4,5',
  work_start TEXT NOT NULL DEFAULT '07:00',
  work_end TEXT NOT NULL DEFAULT '16:00',
  daily_capacity_minutes INTEGER NOT NULL DEFAULT 480 CHECK (daily_capacity_minutes >= 0),
  contact TEXT
);

-- Weekly recurring time a department can give a device up, in the site's local time.
-- end_local <= start_local means the slot crosses midnight (Fri 22:00 - Sat 06:00).
CREATE TABLE maintenance_slot (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_local TEXT NOT NULL,
  end_local TEXT NOT NULL
);

CREATE TABLE blackout (
  id INTEGER PRIMARY KEY,
  site_id INTEGER REFERENCES site (id) ON DELETE CASCADE,
  department_id INTEGER REFERENCES department (id) ON DELETE CASCADE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  CHECK (site_id IS NOT NULL OR department_id IS NOT NULL),
  CHECK (end_date >= start_date)
);

CREATE TABLE availability_rule (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department (id) ON DELETE CASCADE,
  modality TEXT NOT NULL,
  max_down INTEGER NOT NULL CHECK (max_down >= 0),
  UNIQUE (department_id, modality)
);

CREATE TABLE task_duration (
  id INTEGER PRIMARY KEY,
  family_id INTEGER REFERENCES product_family (id) ON DELETE CASCADE,
  device_id INTEGER REFERENCES device (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('isolation', 'patch', 'qc', 'reconnection')),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  CHECK ((family_id IS NULL) <> (device_id IS NULL)),
  UNIQUE (family_id, device_id, kind)
);

CREATE TABLE planned_window (
  id INTEGER PRIMARY KEY,
  device_id INTEGER NOT NULL REFERENCES device (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('isolation', 'patch', 'qc', 'reconnection')),
  team_id INTEGER REFERENCES team (id),
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled')),
  actual_start TEXT,
  actual_end TEXT,
  conflicts_json TEXT NOT NULL DEFAULT '[]',
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (end_at > start_at)
);
CREATE INDEX planned_window_device ON planned_window (device_id);
CREATE INDEX planned_window_start ON planned_window (start_at);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  os_user TEXT NOT NULL,
  operation TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete', 'import', 'undo', 'restore', 'initialize')),
  before_json TEXT,
  after_json TEXT,
  batch_id INTEGER REFERENCES import_batch (id)
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
