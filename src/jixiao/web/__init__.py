"""Web application (Django): units fill in and upload their forms and see scores and findings
live; reviewers return or approve; the finance bureau compares all units and exports.

The web layer sits at the top beside :mod:`jixiao.cli`: it calls the model, scoring, audit,
ingest and render layers and adds storage, people, permissions and pages. Nothing below
imports it. Settings come from environment variables (see :mod:`jixiao.web.settings`);
``jixiao serve`` fills them with embedded defaults.
"""
