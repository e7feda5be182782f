# The two entry points of the README: `make run` and `make test`. Everything else is CMake.
BUILD ?= build
ASAN_BUILD ?= build-asan
JOBS ?= $(shell nproc)
DB ?= out/examples.db

.PHONY: deps build run test test-asan bench format clean

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

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The same suite under address and undefined-behaviour sanitizers.
test-asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Asan -DDIPLOGRAPH_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS)

bench: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	./bench/run.sh $(BUILD)

format:
	find graph importers queries viz cli tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) out
