"""The serve stage: JSON API and dashboard over the store."""

from sitroom.serve.app import create_app

__all__ = ["create_app"]
