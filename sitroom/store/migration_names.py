"""The names of the store's migrations, in the order they run.

``sitroom/store/migrations.py`` binds each name to its step and refuses to load if
the two lists differ; this one is kept apart so that ``event_rows`` can tell a
current database from one with a migration pending without importing SQLAlchemy.
"""

MIGRATION_NAMES = (
    "001_initial",
    "002_documents_triage",
    "015a_search_index",
    "015b_event_sources",
    "015c_review",
    "015d_facet_indexes",
    "017a_dedupe_blocks",
    "017b_store_compact",
    "020a_document_search",
    "020b_filter_indexes",
    "020c_event_search_compact",
    "021a_record_dictionary",
)
