"""The county's real areas and the aid program catalogue: data, no database, not demo data."""
