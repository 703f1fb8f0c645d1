"""Server-rendered pages (Chinese), one module per area."""
