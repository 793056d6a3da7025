"""Built-in rule plugin: attribution (being written; registers nothing yet)."""
