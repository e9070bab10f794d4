"""sitroom (being assembled: the API exports are bound once every stage exists)."""

__version__ = "0.1.0"
