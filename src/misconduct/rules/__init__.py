"""The law and the guidance as dated, cited provisions. Standard library (and the holiday calendar) only."""
