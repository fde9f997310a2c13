# The README's commands. Everything real lives in scripts/ and CMake; this file only names it.
BUILD ?= build
export SAE_BUILD_DIR := $(abspath $(BUILD))

.PHONY: build run test bench format clean

build:
	@scripts/build

# The most real demonstration that exists today: the host check (which JIT-executes generated
# code), then a built-in arm64 program translated and run through the C API.
run: build
	./sae-info --demo

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j2

# Micro-benchmarks under qemu-s390x on x86 (natively on s390x); JSON results in $(BUILD)/bench/.
bench: build
	scripts/bench

format:
	clang-format -i $$(git ls-files '*.h' '*.cpp')

clean:
	rm -rf $(BUILD)
