// Compile-time parsing of the bit patterns of a64.inc. A pattern is 32 characters, bit 31 first:
// '0'/'1' are fixed bits, '-' a bit the encoding ignores, a letter a bit of the operand field of
// that name. A field's bits are contiguous; fields are numbered left to right, and the visitor
// method of the instruction takes them in that order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace sae::frontend::arm64 {

template <std::size_t N>
struct BitPattern {
  // NOLINTNEXTLINE(google-explicit-constructor): patterns are written as string literals
  consteval BitPattern(const char (&text)[N]) {
    static_assert(N == 33, "an A64 bit pattern has exactly 32 characters");
    for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
  }
  char chars[N]{};
};

struct FieldSpec {
  char name;
  unsigned shift;  // bit number of the field's least significant bit
  unsigned width;
};

struct ParsedPattern {
  std::uint32_t mask = 0;      // fixed bits
  std::uint32_t expected = 0;  // their values
  std::array<FieldSpec, 12> fields{};
  std::size_t field_count = 0;
};

consteval bool IsFieldChar(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

template <BitPattern P>
consteval ParsedPattern Parse() {
  ParsedPattern result;
  for (unsigned i = 0; i < 32; ++i) {
    const char c = P.chars[i];
    const unsigned bit = 31 - i;
    if (c == '0' || c == '1') {
      result.mask |= 1u << bit;
      if (c == '1') result.expected |= 1u << bit;
    } else if (IsFieldChar(c)) {
      if (i == 0 || P.chars[i - 1] != c) {
        for (std::size_t f = 0; f < result.field_count; ++f) {
          // A second run of the same letter: fields must be contiguous.
          if (result.fields[f].name == c) throw "field bits are not contiguous";
        }
        result.fields[result.field_count++] = {c, bit, 1};
      } else {
        FieldSpec& field = result.fields[result.field_count - 1];
        field.shift = bit;
        ++field.width;
      }
    } else if (c != '-') {
      throw "bit pattern characters are 0, 1, - or a field letter";
    }
  }
  return result;
}

}  // namespace sae::frontend::arm64
