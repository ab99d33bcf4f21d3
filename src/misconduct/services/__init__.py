"""Use cases over the domain and the rules: open a case, assess severity, refer, decide, publish."""
