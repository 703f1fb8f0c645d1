"""Official document style (GB/T 9704—2012 《党政机关公文格式》) for every Word output.

- A4 (210 mm × 297 mm), margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm
  (版心 156 mm × 225 mm);
- title in 2号 方正小标宋简体, centred; body in 3号 (16 pt) 仿宋_GB2312, 22 lines a page;
- headings by level: 黑体 (一、), 楷体_GB2312 (（一）), 仿宋_GB2312 bold (1.);
- page numbers "— 1 —" in 4号 宋体 in the footer, odd pages right and even pages left,
  each one character in from the edge.

Font names are set for East Asian text (``w:eastAsia`` in ``w:rFonts``) in the document
defaults and in every style, so Word and WPS use them on the user's machine; for rendering
here, :mod:`jixiao.render.pdf` maps them to open substitutes with fontconfig.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = ("黑体", "楷体_GB2312", "仿宋_GB2312")
TABLE_FONT = "宋体"
PAGE_NUMBER_FONT = "宋体"
TITLE_SIZE = Pt(22)  # 2号
BODY_SIZE = Pt(16)  # 3号
TABLE_SIZE = Pt(10.5)  # 5号
CAPTION_SIZE = Pt(12)  # 小4号
PAGE_NUMBER_SIZE = Pt(14)  # 4号
LINE_PITCH = Pt(28.9)  # 22 lines in the 225 mm type area
PAGE = (Mm(210), Mm(297))
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
FOOTER_DISTANCE = Mm(25)  # the page number line sits 7 mm below the type area
INDENT = Pt(32)  # two characters of 3号


def set_fonts(element: object, name: str) -> None:
    """Set ascii/hAnsi/eastAsia font names on a style or run and drop theme fonts."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def _document_defaults(document: DocxDocument) -> None:
    """docDefaults: 仿宋_GB2312 3号, Chinese language, so unstyled text is right too."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    for tag in ("w:rFonts", "w:sz", "w:szCs", "w:lang"):
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), BODY_FONT)
    rpr.append(fonts)
    for tag in ("w:sz", "w:szCs"):
        size = OxmlElement(tag)
        size.set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
        rpr.append(size)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:  # no spacing after paragraphs (Word's default adds 10 pt)
        defaults.remove(ppr_default)


def _page(document: DocxDocument) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE
        section.top_margin = MARGINS["top"]
        section.bottom_margin = MARGINS["bottom"]
        section.left_margin = MARGINS["left"]
        section.right_margin = MARGINS["right"]
        section.footer_distance = FOOTER_DISTANCE
        section.header_distance = Mm(15)


def apply(document: DocxDocument) -> None:
    """Set up page, document defaults, styles and page numbers of a new document."""
    _page(document)
    _document_defaults(document)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.size = BODY_SIZE
    set_fonts(normal.element, BODY_FONT)
    spacing = normal.paragraph_format
    spacing.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    spacing.line_spacing = LINE_PITCH
    spacing.space_before = spacing.space_after = Pt(0)
    spacing.widow_control = True
    title = styles["Title"]
    title.font.size = TITLE_SIZE
    title.font.bold = False
    title.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(title.element, TITLE_FONT)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    title.paragraph_format.line_spacing = Pt(36)
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = LINE_PITCH
    ppr = title.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    for level, font in enumerate(HEADING_FONTS, start=1):
        heading = styles[f"Heading {level}"]
        heading.font.size = BODY_SIZE
        heading.font.bold = level == 3
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        set_fonts(heading.element, font)
        layout = heading.paragraph_format
        layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        layout.line_spacing = LINE_PITCH
        layout.space_before = layout.space_after = Pt(0)
        layout.first_line_indent = INDENT
        layout.keep_with_next = True
    caption = styles["Caption"]
    caption.font.size = CAPTION_SIZE
    caption.font.bold = False
    caption.font.italic = False
    caption.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(caption.element, BODY_FONT)
    caption.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption.paragraph_format.first_line_indent = Pt(0)
    page_numbers(document)


def _page_field(paragraph: Paragraph) -> None:
    """``— N —`` with N a PAGE field, in 4号 宋体."""
    for part in ("— ", None, " —"):
        run = paragraph.add_run(part or "")
        run.font.size = PAGE_NUMBER_SIZE
        set_fonts(run._r, PAGE_NUMBER_FONT)
        if part is not None:
            continue
        for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
            if kind is not None:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)
            else:
                instruction = OxmlElement("w:instrText")
                instruction.set(qn("xml:space"), "preserve")
                instruction.text = text
                run._r.append(instruction)


def page_numbers(document: DocxDocument) -> None:
    """Odd pages: page number at the right; even pages: at the left (one character in)."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        for footer, alignment in (
            (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
            (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
        ):
            paragraph = footer.paragraphs[0]
            paragraph.alignment = alignment
            layout = paragraph.paragraph_format
            layout.first_line_indent = Pt(0)
            layout.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
                layout.right_indent = PAGE_NUMBER_SIZE
            else:
                layout.left_indent = PAGE_NUMBER_SIZE
            _page_field(paragraph)
