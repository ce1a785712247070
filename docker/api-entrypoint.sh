#!/bin/sh
# Applies pending migrations once, then serves the API. (Several replicas may start together:
# TypeORM takes a lock on the migrations table, so each migration still runs once.)
set -e
node apps/api/main.js migrate
exec node apps/api/main.js
