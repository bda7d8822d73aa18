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

## Every course figure and slide variant (PNG and SVG) into figures/, plus figures/index.html,
## and the explorer (every figure live, offline) in figures/explore/.
figures: setup
	$(SNN) all --out-dir figures --format $(FIGURE_FORMATS)
	$(SNN) explore --out-dir figures/explore
	node scripts/gallery.mjs figures

## Formatting (prettier; `npm run format` rewrites), lint rules (eslint) over the whole repo, cached,
## and the types of the tests too (tsconfig.json builds src only).
LINT = npx prettier --check --log-level warn --cache . \
	  || { echo "lint: files not formatted; 'npm run format' formats them" >&2; exit 1; }; \
	npx eslint --cache --cache-location node_modules/.cache/eslint/ . && \
	npx tsc -p tsconfig.tests.json && \
	node scripts/typecheck-explore.mjs

lint: setup
	@$(LINT)

## The lint, then the whole test suite: parity with Brian2, core, CLI, rendering in every format.
test: setup-test
	@$(LINT)
	npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json
	@node scripts/test-summary.mjs .vitest-results.json

## Side-by-side timings: snn-figs against Brian2 (Brian2 rows skipped when it is not installed),
## drawing speed against its targets (every figure as PNG and SVG; one large PNG), and the
## explorer pages in chromium (update latency, the tuning curve against the CLI, page sizes).
bench: setup
	node bench/tuning-curve.mjs
	node bench/drawing.mjs
	node --import tsx bench/explore.ts

## Rewrite the golden SVG snapshots after an intended change of the look.
update-snapshots: setup-test
	UPDATE_SNAPSHOTS=1 npx vitest run tests/render/render.test.ts

## Regenerate tests/fixtures with Brian2 (Debian: apt-get install -y python3-brian).
fixtures:
	/usr/bin/python3 scripts/brian2_fixtures.py

clean:
	rm -rf dist
