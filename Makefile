# The README's commands. Everything real lives in scripts/ and CMake; this file only names it.
BUILD ?= build
export SAE_BUILD_DIR := $(abspath $(BUILD))

.PHONY: build run test bench fuzz format clean

build:
	@scripts/build

# The host check (which JIT-executes generated code) and a built-in arm64 program run through the
# C API; then a real arm64 Linux program: Debian's busybox-static for arm64 (from the guest root
# scripts/bootstrap assembles) running a shell script under sae-run.
run: build
	./sae-info --demo
	@echo
	./sae-run "$$(scripts/bootstrap --print-arm64-root)/bin/busybox" sh tools/sae-run/demo.sh

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j2

# Micro-benchmarks under qemu-s390x on x86 (natively on s390x); JSON results in $(BUILD)/bench/.
bench: build
	scripts/bench

# A long differential-fuzzing campaign, by hand (never part of `make test`): a new seed each run
# (FUZZ_SEED=S repeats one), 3.5 million instructions of the translated encodings and 4.7 million
# SIMD&FP ones, in single instructions and blocks, against Unicorn and, for what Unicorn gets
# wrong, the arm64 runner under qemu-aarch64 (about two hours); failing cases are saved as
# traces for ./sae-fuzz --reference corpus FILE. Every run goes on after a failure.
FUZZ_SEED ?= $(shell date +%s)
FUZZ_FAILURES := $(BUILD)/fuzz/failures
fuzz: build
	@echo "fuzz: seed $(FUZZ_SEED), failures into $(FUZZ_FAILURES)"
	@status=0; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 2000000 --class all --save-failures $(FUZZ_FAILURES) || status=1; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 100000 --class all --block-len 5 --save-failures $(FUZZ_FAILURES) || status=1; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 10000 --class all --block-len 100 --save-failures $(FUZZ_FAILURES) || status=1; \
	for class in fp simd; do \
	  ./sae-fuzz --seed $(FUZZ_SEED) --iterations 1000000 --class $$class --save-failures $(FUZZ_FAILURES) || status=1; \
	  ./sae-fuzz --seed $(FUZZ_SEED) --iterations 200000 --class $$class --block-len 5 --save-failures $(FUZZ_FAILURES) || status=1; \
	  ./sae-fuzz --seed $(FUZZ_SEED) --iterations 200000 --class $$class --reference arm64 --save-failures $(FUZZ_FAILURES) || status=1; \
	done; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 200000 --class crypto --save-failures $(FUZZ_FAILURES) || status=1; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 20000 --class crypto --block-len 5 --save-failures $(FUZZ_FAILURES) || status=1; \
	./sae-fuzz --seed $(FUZZ_SEED) --iterations 50000 --class crypto --reference arm64 --save-failures $(FUZZ_FAILURES) || status=1; \
	exit $$status

format:
	clang-format -i $$(git ls-files '*.h' '*.cpp')

clean:
	rm -rf $(BUILD)
