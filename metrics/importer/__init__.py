"""Bring in a new report: read it, normalise its text, draft records with quotes, review them.

``read`` turns a file into text, ``normalise`` makes that text the one that is stored and
quoted, ``extract`` drafts observations sentence by sentence, ``accept`` checks accepted
drafts with the dataset's own validation and writes them (through ``write``).
"""
