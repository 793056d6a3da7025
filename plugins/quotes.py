"""Built-in rule plugin: quotes (being written; registers nothing yet)."""
