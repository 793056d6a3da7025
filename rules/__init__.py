"""newslint's built-in rule packs (YAML files beside this one)."""
