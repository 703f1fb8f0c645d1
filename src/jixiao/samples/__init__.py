"""Bundled sample documents (synthetic: figures and prose invented for the demo)."""
