"""Use cases: each is one transaction and returns what changed."""
