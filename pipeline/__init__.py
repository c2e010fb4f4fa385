"""vnplan: digitise Vietnamese Party and government plans.

Stages, one module each: ``ocr`` (scans and PDFs to text), ``restore`` (diacritics and OCR errors),
then segmentation, extraction and comparison. Records shared by the stages live in ``records``.
"""
__version__ = "0.1.0"
