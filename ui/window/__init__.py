"""The main window's parts: its database, what it remembers, its help."""
