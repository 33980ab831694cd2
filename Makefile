# charter: make run starts the server on 127.0.0.1:2222 with data in ./charter-data;
# make demo starts it on ./charter-demo with a sample campaign;
# make test runs the checks and the tests (go.mod and go.sum must be tidy); CI runs
# make test lint cross.
GO ?= go
BIN := bin/charter

# staticcheck comes through the Go module proxy at a pinned version, built into bin/.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build run demo test vet lint cross cross-all fuzz bench clean

# The tests run with the race detector. With -race the compiler also adds checkptr's
# checks of unsafe pointer conversions to every package; in SQLite's transpiled C
# code (modernc.org) they were two fifths of the tests' CPU time, checking code that
# is not ours (docs/BENCHMARKS.md "Test suite time"). They stay on for charter's own
# packages, and the race detector stays on for all. vet, test and lint build with
# the same flags, so that a clean clone compiles the dependencies once.
RACE := -race -gcflags=modernc.org/...=-d=checkptr=0

build:
	$(GO) build -o $(BIN) ./cmd/charter

run: build
	./$(BIN) serve

# A sample campaign in ./charter-demo, with participants writing in one session.
demo: build
	./$(BIN) serve --demo

# vet reads the packages as the race-enabled tests build them, so that on a clean
# clone the dependencies are compiled once, for vet and the tests alike, not twice.
# Only internal/testmain has files for and against the race build tag (one constant
# each); vet reads the race one.
vet:
	$(GO) vet $(RACE) ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)

# Not part of test: on a clean clone staticcheck cost a third of make test's CPU
# time (building it and the standard library without -race, then its analysis),
# see docs/BENCHMARKS.md "Test suite time". It reads the packages as built with
# -race, which make test has compiled already.
lint:
	GOBIN=$(CURDIR)/bin $(GO) install $(STATICCHECK)
	GOFLAGS="$$($(GO) env GOFLAGS) $(RACE)" ./bin/staticcheck ./...

# The Windows and macOS builds of the packages whose code differs by platform (the
# data directory's lock and free space, the loadtest's CPU figures), checked by vet
# (tests included). On a clean clone that is about 40 s on 2 cores (the standard
# library once more for each platform); cross-all vets every package, which
# compiles every dependency for each platform too (SQLite's among them): about 4.5
# minutes more on a clean clone, too much for every CI run.
CROSS_PKGS := ./internal/datadir ./internal/proccpu
cross:
	GOOS=windows $(GO) vet $(CROSS_PKGS)
	GOOS=darwin $(GO) vet $(CROSS_PKGS)

cross-all:
	GOOS=windows $(GO) vet ./...
	GOOS=darwin $(GO) vet ./...

# Packages of pure computation that start no goroutine: the race detector finds
# nothing there and makes their heavy tests (the clustering's quality floors) about
# ten times slower, so those tests skip themselves under it
# (testmain.SkipUnderRace) and run here without it.
RACE_FREE := ./analysis/

# CHARTER_BROWSER_TEST=1 lets the report's test that has Chromium draw the HTML run
# (where Chromium is installed): a second process's seconds of CPU that the bare
# go test ./... is spared.
test: vet
	$(GO) mod tidy -diff
	CHARTER_BROWSER_TEST=1 $(GO) test $(RACE) -count=1 -timeout 15m ./...
	$(GO) test -count=1 $(RACE_FREE)

# Short runs of every fuzz target with random inputs (go test already runs their seed
# corpora). Not part of test: fuzzing instruments every package once more, which on a
# clean clone cost minutes of compiling for a rare find. A number of inputs rather than a time: a time limit can end a run
# with "context deadline exceeded" on a busy machine, a failure that is no finding.
FUZZ_INPUTS ?= 20000x
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzCleanText$$' -fuzztime $(FUZZ_INPUTS) ./session/
	$(GO) test -run '^$$' -fuzz '^FuzzEscape$$' -fuzztime $(FUZZ_INPUTS) ./session/report/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
