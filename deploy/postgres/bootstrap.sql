-- Creates Kameng's database and its two roles, idempotently. Run with psql as a superuser:
--
--   psql -v owner=kameng_owner -v owner_password=... -v app=kameng_app -v app_password=... \
--        -v dbname=kameng -f deploy/postgres/bootstrap.sql
--
-- The owner role owns the schema and runs the migrations. The application role owns nothing, has no
-- BYPASSRLS and no CREATE anywhere, so row-level security binds every query the server runs.
\set ON_ERROR_STOP on

SELECT format('CREATE ROLE %I LOGIN', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec

ALTER ROLE :"owner" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS
  PASSWORD :'owner_password';
ALTER ROLE :"app" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT
  PASSWORD :'app_password';

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'dbname', :'owner', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'dbname') \gexec

REVOKE ALL ON DATABASE :"dbname" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"dbname" TO :"app";

\connect :"dbname"
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
