# vnplan: `make setup`, `make test`, `make extract`. Targets are real files where they can be.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
VNPLAN := $(VENV)/bin/vnplan
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng poppler-utils fonts-liberation2 fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
RAW := $(wildcard data/raw/*.txt data/raw/*.pdf data/raw/*.png data/raw/*.jpg data/raw/*.jpeg data/raw/*.tif data/raw/*.tiff)
CLEAN_JSON := $(patsubst data/raw/%,data/clean/%.json,$(basename $(RAW)))
MODEL_FILES := $(wildcard models/*.npz models/*.json)
PIPELINE_SRC := $(wildcard pipeline/*.py)
.SECONDARY:

CORPUS ?= ../shared/corpus
.PHONY: setup system-deps test extract compare bench models eval-restore eval-extract eval-extract-ocr clean-data help
.DELETE_ON_ERROR:

help:
	@echo "make setup    install system packages (apt) and .venv with the project"
	@echo "make test     run the tests"
	@echo "make extract  data/raw/ -> data/clean/ (only what changed)"
	@echo "make compare  report comparing the seed plans 001 (Directive 34) and 000 (Directive 41)"
	@echo "make bench    OCR against the hand-run Tesseract baseline; restoration speed"
	@echo "make models   rebuild models/ from $(CORPUS)"
	@echo "make eval-restore  restoration accuracy on held-out corpus documents"
	@echo "make eval-extract  assignment F1 and deadline accuracy against the hand-made golden files"
	@echo "make eval-extract-ocr  the same, end to end from legacy OCR and from noisy scans of those documents"

setup: system-deps $(VENV)/.installed

system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	else echo "system packages present"; fi

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

test: $(VENV)/.installed
	$(PY) -m pytest -q

extract: data/clean/plans.xlsx

# stages 1-4 per input: data/raw/<stem>.<ext> -> data/clean/<stem>.json (+ restored <stem>.txt and its
# change report); one rule per input type, so only inputs that changed are redone (or all of them, when the
# models or the pipeline's code changed)
define EXTRACT_RULE
data/clean/%.json: data/raw/%.$(1) $(VENV)/.installed $(MODEL_FILES) $(PIPELINE_SRC)
	$(VNPLAN) extract $$< --out data/clean --no-tables --force
endef
$(foreach ext,txt pdf png jpg jpeg tif tiff,$(eval $(call EXTRACT_RULE,$(ext))))

# the tables over all documents
data/clean/plans.xlsx: $(CLEAN_JSON)
	$(VNPLAN) tables $(CLEAN_JSON) --out data/clean

# the seed pair: Directive 34 (2014, seed 001) against Directive 41 (2024, seed 000)
compare: data/clean/compare/report.html

data/clean/compare/report.html: data/clean/001_243ed05166b64394.json data/clean/000_4333a01b4b714176.json
	$(VNPLAN) compare $^ --out data/clean/compare

eval-extract: $(VENV)/.installed
	$(PY) -m pipeline.eval_extract

# the golden documents as archives hold them: legacy OCR of old scans (Tesseract eng, then restoration), noisy
# scans read by vnplan (Tesseract vie), born-digital PDFs with ruled annex tables and their scans, scored beside the
# typed text; OCR is cached under build/ (first run about an hour)
eval-extract-ocr: $(VENV)/.installed
	$(PY) -m pipeline.eval_extract --through legacy
	$(PY) -m pipeline.eval_extract --through scan
	$(PY) -m pipeline.eval_extract --through printed
	$(PY) -m pipeline.eval_extract --through printed-scan

bench: $(VENV)/.installed
	$(PY) bench/bench_ocr.py --noise 20
	$(PY) bench/bench_ocr.py --noise 32
	$(PY) bench/bench_tables.py
	$(PY) bench/bench_restore.py
	$(PY) bench/bench_extract.py
	-$(PY) -m pipeline.evaluation --split dev --pages 75 --no-pyvi >/dev/null  # the legacy OCR the bench reads
	-$(PY) -m pipeline.evaluation --split test --pages 75 --no-pyvi >/dev/null  # (built once; needs the corpus)
	-$(PY) bench/bench_restore.py --kind legacy

models: $(VENV)/.installed
	$(PY) -m pipeline.build_models --corpus $(CORPUS)

eval-restore: $(VENV)/.installed
	$(PY) -m pipeline.evaluation --split test

clean-data:
	rm -f data/clean/*.txt data/clean/*.json data/clean/*.csv data/clean/*.parquet data/clean/*.xlsx
	rm -rf data/clean/compare
