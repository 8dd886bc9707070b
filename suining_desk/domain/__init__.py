"""Values with no database: money, ID numbers, periods, divisions, search keys, enums, problems."""
