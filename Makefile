# snn-figs: every target sets up what it needs first (scripts/setup.sh is quick when done).
SNN := node bin/snn-figs
FIGURE_FORMATS ?= png,svg

.PHONY: all setup setup-test build figures lint check test bench update-snapshots fixtures clean

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
## and the types of the tests and of the browser pages too (tsconfig.json builds src only): the three side by side, each
## single-threaded, and the first failure in that order decides.
LINT = npx prettier --check --log-level warn --cache . & prettier=$$!; \
	npx eslint --cache --cache-location node_modules/.cache/eslint/ . & eslint=$$!; \
	npx tsc -p tsconfig.tests.json --incremental --tsBuildInfoFile node_modules/.cache/tsc/tests.tsbuildinfo \
	  && node scripts/typecheck-explore.mjs; types=$$?; \
	wait $$prettier || { echo "lint: files not formatted; 'npm run format' formats them" >&2; exit 1; }; \
	wait $$eslint && exit $$types

lint: setup
	@$(LINT)

## The quick loop while working (after one `make setup-test`): prettier and eslint on the files
## changed since main and the types, beside the unit and parity tests; not the end-to-end files
## (every figure through the CLI, the installed package, child processes), which `make test` runs.
check:
	@npm run --silent test:quick

## The lint, then the whole test suite: parity with Brian2, core, CLI, rendering in every format.
## The lint first, alone: beside the tests it would slow the time-estimate tests' measured runs
## (tests/options/robust-estimates.test.ts). Each test file's CPU time goes to .vitest-cpu.tsv
## (the summary shows the costliest).
test: setup-test
	@$(LINT)
	@rm -f .vitest-cpu.tsv
	SNN_FIGS_TEST_CPU=.vitest-cpu.tsv npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json
	@node scripts/test-summary.mjs .vitest-results.json .vitest-cpu.tsv

## Side-by-side timings: snn-figs against Brian2 (Brian2 rows skipped when it is not installed),
## drawing speed against its targets (every figure as PNG and SVG; one large PNG), and the
## explorer pages in chromium (update latency, the tuning curve against the CLI, page sizes).
bench: setup
	node bench/tuning-curve.mjs
	node bench/drawing.mjs
	node --import tsx bench/explore.ts

## Rewrite the golden SVG and JSON files (tests/snapshots/) after an intended change of the look
## or the data; the test file that compares them also runs its other checks.
update-snapshots: setup-test
	UPDATE_SNAPSHOTS=1 npx vitest run tests/cli/cli-all.test.ts

## Regenerate tests/fixtures with Brian2 (Debian: apt-get install -y python3-brian).
fixtures:
	/usr/bin/python3 scripts/brian2_fixtures.py

clean:
	rm -rf dist
