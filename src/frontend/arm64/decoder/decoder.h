// The A64 decoder, generated from a64.inc: which encoding a 32-bit word is, and a call of the
// visitor method named like the encoding with the word's operand fields.
//   struct Translator { bool ADD_imm(bool sf, Imm<2> shift, Imm<12> imm, Reg n, Reg d); ... };
//   Decode(translator, word)  // false: the visitor ended the block
// A visitor method whose parameters do not match its pattern's fields does not compile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "frontend/arm64/decoder/operands.h"
#include "frontend/arm64/decoder/pattern.h"

namespace sae::frontend::arm64 {

enum class Encoding : std::uint16_t {
#define INST(name, description, pattern) name,
#include "frontend/arm64/decoder/a64.inc"
#undef INST
};

struct EncodingInfo {
  Encoding encoding;
  std::string_view name;         // as in a64.inc, e.g. "ADD_imm"
  std::string_view description;  // as the Arm ARM titles it, e.g. "ADD (immediate)"
  std::uint32_t mask;
  std::uint32_t expected;
  std::array<FieldSpec, 12> fields;
  std::size_t field_count;
};

// Every encoding of a64.inc, in table order (indexed by Encoding).
std::span<const EncodingInfo> A64Encodings();

// The encoding `word` is an instance of, or nullopt if it is unallocated (or not in our table,
// or holds a reserved value: reserved.h). Where patterns overlap, the one with more fixed bits
// wins.
std::optional<Encoding> DecodeEncoding(std::uint32_t word);

// The A64 encoding groups of the Arm ARM's top-level decode (bits 28:25), for reports.
enum class EncodingGroup : std::uint8_t {
  Reserved,
  DataProcessingImmediate,
  BranchExceptionSystem,
  LoadStore,
  DataProcessingRegister,
  DataProcessingFpSimd,
};
EncodingGroup GroupOf(std::uint32_t word);
std::string_view GroupName(EncodingGroup group);

namespace detail {

inline constexpr ParsedPattern kPatterns[] = {
#define INST(name, description, pattern) Parse<pattern>(),
#include "frontend/arm64/decoder/a64.inc"
#undef INST
};

template <class T>
struct MethodTraits;
template <class V, class... Args>
struct MethodTraits<bool (V::*)(Args...)> {
  static constexpr std::size_t kArity = sizeof...(Args);
  template <std::size_t I>
  using Arg = std::tuple_element_t<I, std::tuple<Args...>>;
};

template <class T, unsigned Width>
constexpr T MakeOperand(std::uint32_t raw) {
  if constexpr (std::is_same_v<T, bool>) {
    static_assert(Width == 1, "a bool parameter takes a 1-bit field");
    return raw != 0;
  } else {
    static_assert(T::kWidth == Width, "the parameter type's width differs from the field's");
    return T(raw);
  }
}

template <ParsedPattern P, auto Method, class V>
bool Call(V& visitor, std::uint32_t word) {
  using Traits = MethodTraits<decltype(Method)>;
  static_assert(Traits::kArity == P.field_count,
                "the visitor method's arity does not match its bit pattern's fields");
  return [&]<std::size_t... I>(std::index_sequence<I...>) {
    return (visitor.*Method)(MakeOperand<typename Traits::template Arg<I>, P.fields[I].width>(
        (word >> P.fields[I].shift) & ((1u << P.fields[I].width) - 1))...);
  }(std::make_index_sequence<P.field_count>{});
}

}  // namespace detail

// Calls `Method` with the fields of `word` decoded as encoding `E` (tests, and visitors that
// dispatch on the encoding themselves).
template <Encoding E, auto Method, class V>
bool CallWithFields(V& visitor, std::uint32_t word) {
  return detail::Call<detail::kPatterns[static_cast<std::size_t>(E)], Method, V>(visitor, word);
}

// Calls the visitor method named like `encoding` with the fields of `word`, an instance of it
// (a word decoded earlier, e.g. at translation time). An encoding the visitor has no method for
// goes to `visitor.NotTranslated(encoding, word)`.
template <class V>
bool DecodeAs(V& visitor, Encoding encoding, std::uint32_t word) {
  using Handler = bool (*)(V&, std::uint32_t);
  static constexpr Handler kHandlers[] = {
#define INST(name, description, pattern)                                 \
  [](V& v, std::uint32_t w) -> bool {                                    \
    if constexpr (requires { &V::name; }) {                              \
      return CallWithFields<Encoding::name, &V::name, V>(v, w);          \
    } else {                                                             \
      return v.NotTranslated(Encoding::name, w);                         \
    }                                                                    \
  },
#include "frontend/arm64/decoder/a64.inc"
#undef INST
  };
  return kHandlers[static_cast<std::size_t>(encoding)](visitor, word);
}

// Calls the visitor method named like the encoding of `word`. An encoding the visitor has no
// method for goes to `visitor.NotTranslated(encoding, word)`, an unallocated word to
// `visitor.Unallocated(word)`, so a visitor can grow one encoding group at a time.
template <class V>
bool Decode(V& visitor, std::uint32_t word) {
  const std::optional<Encoding> encoding = DecodeEncoding(word);
  if (!encoding) return visitor.Unallocated(word);
  return DecodeAs(visitor, *encoding, word);
}

// Whether visitor V has a method for `encoding` (translation coverage reports).
template <class V>
bool Handles(Encoding encoding) {
  static constexpr bool kHandled[] = {
#define INST(name, description, pattern) requires { &V::name; },
#include "frontend/arm64/decoder/a64.inc"
#undef INST
  };
  return kHandled[static_cast<std::size_t>(encoding)];
}

}  // namespace sae::frontend::arm64
