"""The web application: staff pages (login) and public pages (published notices and outcomes)."""
