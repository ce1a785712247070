#!/bin/sh
# Applies pending migrations once, then serves the API. Several replicas may start together: the
# migrators queue on a PostgreSQL advisory lock (runMigrations), so each migration runs once.
# Migrations connect as the schema's owner (DATABASE_MIGRATION_URL); the server as the application's
# least-privilege role (DATABASE_URL), and never holds the owner's credentials.
set -e
DATABASE_URL="${DATABASE_MIGRATION_URL:-$DATABASE_URL}" node apps/api/main.js migrate
unset DATABASE_MIGRATION_URL
exec node apps/api/main.js
