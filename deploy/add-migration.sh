#!/usr/bin/env bash
# Adds an EF Core migration to migrations/ after a model change: deploy/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: deploy/add-migration.sh NAME" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project src/ProgramPortal.Web \
  --output-dir ../../migrations --namespace ProgramPortal.Migrations
# dotnet-ef writes the updated model snapshot under the project, by namespace; it belongs with
# the migrations, where the previous snapshot is.
generated=src/ProgramPortal.Web/ProgramPortal/Migrations/PortalDbContextModelSnapshot.cs
if [ -f "$generated" ]; then
  mv "$generated" migrations/PortalDbContextModelSnapshot.cs
  rm -rf src/ProgramPortal.Web/ProgramPortal
fi
