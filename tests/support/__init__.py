"""What the tests share: deterministic objects, fixtures and helpers, by what they serve."""
