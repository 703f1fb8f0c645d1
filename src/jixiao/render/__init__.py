"""Render: the files a unit hands in, from one structured evaluation.

- :mod:`jixiao.render.xlsx` — the self-evaluation forms as an xlsx workbook in a province's
  layout (layouts are YAML files, see :mod:`jixiao.render.layout`);
- :mod:`jixiao.render.report` — the evaluation report as docx, with charts
  (:mod:`jixiao.render.charts`);
- :mod:`jixiao.render.pdf` — PDF through LibreOffice when it is installed;
- :mod:`jixiao.render.demo` — the bundled sample, scored and rendered.

Every number written is computed by the scoring engine; nothing is typed.
"""
