"""Built-in rule plugin: sourcing (being written; registers nothing yet)."""
