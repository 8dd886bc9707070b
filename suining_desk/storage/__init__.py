"""Files beside the database: data-folder paths, backups and their anchors, crash reports."""
