"""Ingest: takes the seeds folder (or a list of files) and the optional metadata.csv, gives one
Document per readable seed (decoded, cleaned, split into title, paragraphs and sentences) and a
Skipped record, with its reason, for every other file.
"""
