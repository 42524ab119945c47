-- Privileges for a shared PostgreSQL installation, so that the audit trail is append-only even for
-- the application. Two roles: sectormap_owner owns the tables and is the one Flyway migrates with
-- (SPRING_FLYWAY_USER / SPRING_FLYWAY_PASSWORD); sectormap_app is the one the application runs as
-- (SPRING_DATASOURCE_USERNAME / SPRING_DATASOURCE_PASSWORD). Run this as sectormap_owner after the
-- first start has created the tables, and again after an upgrade that adds tables:
--
--     psql -U sectormap_owner -d sectormap -f docs/postgresql-privileges.sql
--
-- The application may then read and add audit entries but neither change nor delete one. The only
-- write it keeps on the trail is an erasure's: overwriting a person's earlier values in
-- audit_change.before_value / after_value with "erased on DATE" (UK GDPR right to erasure).

GRANT USAGE ON SCHEMA public TO sectormap_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO sectormap_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO sectormap_app;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry, audit_change FROM sectormap_app;
GRANT UPDATE (before_value, after_value) ON audit_change TO sectormap_app;
