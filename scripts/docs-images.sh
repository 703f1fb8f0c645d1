#!/usr/bin/env bash
# Regenerates the page images of the bundled sample's outputs in docs/images: the form
# (xlsx) and the report (docx) printed by LibreOffice through jixiao's font map, pages
# rasterised by pdftoppm. Run after changing how forms or reports look.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/jixiao demo -o "$work" >/dev/null
.venv/bin/python - "$work" <<'PY'
import sys
from pathlib import Path
from jixiao.render.pdf import convert_to_pdf
work = Path(sys.argv[1])
for name in ("form.xlsx", "report.docx"):
    convert_to_pdf(work / name, work)
PY
page() {  # page PDF NUMBER IMAGE
    pdftoppm -r 60 -png -f "$2" -l "$2" -singlefile "$1" "docs/images/$3"
}
page "$work/form.pdf" 1 output-form
for n in 1 2 3; do page "$work/report.pdf" "$n" "output-report-p$n"; done
pdftotext "$work/report.pdf" "$work/report.txt"
annex=$(awk -v RS='\f' '/附件/ && /完成率/ {print NR; exit}' "$work/report.txt")
page "$work/report.pdf" "${annex:-1}" output-report-table
echo "docs/images: output-form, output-report-p1..3, output-report-table (report page ${annex:-1})"
