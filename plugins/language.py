"""Built-in rule plugin: language (being written; registers nothing yet)."""
