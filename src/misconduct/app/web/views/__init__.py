"""The web application's views: public pages, staff pages and the assessment page."""
