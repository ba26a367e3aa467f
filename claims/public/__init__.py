"""What readers see: claim pages, lists, feeds, sitemaps, JSON-LD and their cache."""
