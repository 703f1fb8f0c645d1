"""Scoring rules: small pure functions registered by name, and provincial packs as data."""
