"""misconduct: police misconduct proceedings in England & Wales, with the law as dated, cited rules."""

__version__ = "0.1.0"
