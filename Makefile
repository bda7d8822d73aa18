# snn-figs: every target sets up what it needs first (scripts/setup.sh is quick when done).
SNN := node bin/snn-figs
FIGURE_FORMATS ?= png,svg

.PHONY: all setup setup-test build figures lint test bench update-snapshots fixtures clean

all: figures

setup:
	@bash scripts/setup.sh

setup-test:
	@bash scripts/setup.sh --test

build: setup

## Every course figure and slide variant (PNG and SVG) into figures/, plus figures/index.html.
figures: setup
	$(SNN) all --out-dir figures --format $(FIGURE_FORMATS)
	node scripts/gallery.mjs figures

## Formatting (prettier; `npm run format` rewrites), lint rules (eslint) over the whole repo, cached,
## and the types of the tests too (tsconfig.json builds src only).
LINT = npx prettier --check --log-level warn --cache . \
	  || { echo "lint: files not formatted; 'npm run format' formats them" >&2; exit 1; }; \
	npx eslint --cache --cache-location node_modules/.cache/eslint/ . && \
	npx tsc -p tsconfig.tests.json

lint: setup
	@$(LINT)

## The lint, then the whole test suite: parity with Brian2, core, CLI, rendering in every format.
test: setup-test
	@$(LINT)
	npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json
	@node scripts/test-summary.mjs .vitest-results.json

## Side-by-side timings: snn-figs against Brian2 (Brian2 rows skipped when it is not installed).
bench: setup
	node bench/tuning-curve.mjs

## Rewrite the golden SVG snapshots after an intended change of the look.
update-snapshots: setup-test
	UPDATE_SNAPSHOTS=1 npx vitest run tests/render/render.test.ts

## Regenerate tests/fixtures with Brian2 (Debian: apt-get install -y python3-brian).
fixtures:
	/usr/bin/python3 scripts/brian2_fixtures.py

clean:
	rm -rf dist
