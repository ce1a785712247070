#!/bin/sh
# Run by the postgres image once, when its volume is first initialised, as POSTGRES_USER (the owner of
# the schema, whose account runs the migrations): creates the application's least-privilege role.
# (app-role.psql has no .sql extension, so the image does not also run it on its own, without the password.)
set -eu
: "${POSTGRES_APP_PASSWORD:?set POSTGRES_APP_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$POSTGRES_APP_PASSWORD" -f /docker-entrypoint-initdb.d/app-role.psql
