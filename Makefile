# Pelican's usual targets, plus `test`. Run from the repository root inside the virtualenv.
PY ?= python3
PELICAN ?= pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
PORT ?= 8000
BIND ?= 127.0.0.1

.PHONY: help html clean regenerate serve devserver publish github test lint

help:
	@echo 'make html        build the site from seeds/ into output/ (development settings)'
	@echo 'make clean       remove output/ and cache/'
	@echo 'make regenerate  rebuild on every change'
	@echo 'make serve       serve output/ at http://$(BIND):$(PORT)'
	@echo 'make devserver   regenerate and serve'
	@echo 'make publish     build with publishconf.py (production URLs)'
	@echo 'make github      publish, then push output/ to the gh-pages branch'
	@echo 'make test        run the test suite'
	@echo 'make lint        ruff check and format check'

html:
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

clean:
	rm -rf $(OUTPUTDIR) $(BASEDIR)/cache

regenerate:
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve:
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) -p $(PORT) -b $(BIND)

devserver:
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS) -p $(PORT) -b $(BIND)

publish:
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)

github: publish
	touch $(OUTPUTDIR)/.nojekyll
	git -C $(OUTPUTDIR) init -q -b gh-pages
	git -C $(OUTPUTDIR) add -A
	git -C $(OUTPUTDIR) commit -q -m "Publish digest"
	git -C $(OUTPUTDIR) push -f "$$(git remote get-url origin)" gh-pages

test:
	$(PY) -m pytest

lint:
	ruff check . && ruff format --check .
