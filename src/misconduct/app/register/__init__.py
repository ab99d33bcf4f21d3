"""The national register: ingested published outcomes and the system's own, in one searchable list."""
