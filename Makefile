# The two entry points of the README: `make run` and `make test`. Everything else is CMake.
BUILD ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = findings articles dictionaries dates extract
JOBS ?= $(shell nproc)
DB ?= out/examples.db

.PHONY: deps build run serve test test-asan fuzz bench format clean

deps:
	@./scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# The main job on the bundled examples: import them into a fresh store, then show it.
run: build
	@mkdir -p out
	@rm -f $(DB) $(DB)-wal $(DB)-shm out/examples.svg out/examples.png
	./$(BUILD)/diplograph --db $(DB) import examples/
	./$(BUILD)/diplograph --db $(DB) stats
	./$(BUILD)/diplograph --db $(DB) entities
	./$(BUILD)/diplograph --db $(DB) path TGO UKR
	./$(BUILD)/diplograph --db $(DB) export --format svg -o out/examples.svg
	./$(BUILD)/diplograph --db $(DB) export --format png -o out/examples.png
	@echo "diagram of the example store: out/examples.svg (and out/examples.png)"
	@echo "explore it in a browser: make serve (or ./$(BUILD)/diplograph --db $(DB) serve --open),"
	@echo "then open http://127.0.0.1:8080/ (Ctrl-C stops the server)"

# The store of `make run` in a browser (docs/api.md), on 127.0.0.1:8080.
serve: build
	./$(BUILD)/diplograph --db $(DB) serve

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite under address and undefined-behaviour sanitizers.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Asan -DDIPLOGRAPH_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

# Each libFuzzer target of fuzz/ for FUZZ_SECONDS (clang, address and undefined sanitizers),
# from its seed corpus in fuzz/corpus/; a crash, a leak or an input slower than 10 s fails.
# What a run finds (new inputs, crash-* reproducers) stays in $(FUZZ_BUILD)/.
fuzz: deps
	cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DDIPLOGRAPH_FUZZ=ON -DDIPLOGRAPH_WERROR=OFF -DDIPLOGRAPH_BUILD_TESTS=OFF \
	  -DDIPLOGRAPH_BUILD_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target $(addsuffix _fuzz,$(FUZZ_TARGETS))
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p $(FUZZ_BUILD)/corpus/$$t $(FUZZ_BUILD)/artifacts/$$t && \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s" && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  ./$(FUZZ_BUILD)/fuzz/$${t}_fuzz $(FUZZ_BUILD)/corpus/$$t fuzz/corpus/$$t \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
	    -artifact_prefix=$(FUZZ_BUILD)/artifacts/$$t/ -print_final_stats=1 \
	    > $(FUZZ_BUILD)/$$t.log 2>&1 || { tail -40 $(FUZZ_BUILD)/$$t.log; exit 1; }; \
	  grep -E "DONE|stat::number_of_executed_units|stat::peak_rss_mb" $(FUZZ_BUILD)/$$t.log; \
	done

bench: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	./bench/run.sh $(BUILD)

format:
	find graph importers queries viz server cli tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out
