#include "trace.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

namespace sae::fuzz {
namespace {

constexpr std::string_view kStopNames[] = {"stop", "fault", "undefined", "exception", "timeout"};
constexpr std::size_t kRegisterCount = 34;         // X0-X30, SP, NZCV, TPIDR_EL0
constexpr std::size_t kVectorStateCount = 32 + 2;  // V0-V31, FPCR, FPSR

std::string Hex(std::uint64_t value) {
  char text[17];
  const auto result = std::to_chars(text, text + sizeof text, value, 16);
  return std::string(text, result.ptr);
}

// A V register as one 128-bit number: no leading zeros, like every other number.
std::string Hex(const VectorRegister& v) {
  if (v[1] == 0) return Hex(v[0]);
  char low[17];
  std::snprintf(low, sizeof low, "%016llx", static_cast<unsigned long long>(v[0]));
  return Hex(v[1]) + low;
}

std::string SupportedVersions() {
  std::string text;
  for (int version = kOldestTraceVersion; version <= kTraceVersion; ++version) {
    text += (version == kOldestTraceVersion ? ""
             : version == kTraceVersion     ? " and "
                                            : ", ") +
            std::to_string(version);
  }
  return text;
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

}  // namespace

std::string_view StopName(Stop stop) { return kStopNames[static_cast<std::size_t>(stop)]; }

std::uint64_t SplitMix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
  z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
  return z ^ (z >> 31);
}

std::vector<std::uint8_t> InitialWindow(const Case& c) {
  std::vector<std::uint8_t> window(c.window_size);
  const std::uint64_t fill_end = std::min(kFillSize, c.window_size);
  std::uint64_t state = c.fill_seed;
  for (std::uint64_t offset = 0; offset < fill_end; offset += 8) {
    const std::uint64_t value = SplitMix64(state);
    for (std::uint64_t b = 0; b < 8 && offset + b < fill_end; ++b) {
      window[offset + b] = static_cast<std::uint8_t>(value >> (8 * b));
    }
  }
  const auto store_word = [&](std::uint64_t offset, std::uint32_t word) {
    for (int b = 0; b < 4; ++b) window[offset + b] = static_cast<std::uint8_t>(word >> (8 * b));
  };
  for (std::uint64_t offset = (fill_end + 3) & ~std::uint64_t{3}; offset + 4 <= c.window_size;
       offset += 4) {
    store_word(offset, kStopWord);
  }
  for (std::size_t i = 0; i < c.code.size(); ++i) {
    store_word(c.code_address - c.window_base + 4 * i, c.code[i]);
  }
  return window;
}

std::vector<WrittenBytes> WrittenRuns(const std::vector<std::uint8_t>& initial_window,
                                      const std::vector<std::uint8_t>& final_window,
                                      std::uint64_t window_base) {
  std::vector<WrittenBytes> runs;
  const std::size_t size = std::min(initial_window.size(), final_window.size());
  for (std::size_t offset = 0; offset < size;) {
    if (initial_window[offset] == final_window[offset]) {
      ++offset;
      continue;
    }
    WrittenBytes run{window_base + offset, {}};
    while (offset < size && initial_window[offset] != final_window[offset]) {
      run.bytes.push_back(final_window[offset++]);
    }
    runs.push_back(std::move(run));
  }
  return runs;
}

TraceError::TraceError(std::size_t line, const std::string& message)
    : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}

void TraceReader::Fail(const std::string& message) const { throw TraceError(line_, message); }

std::vector<std::string_view> TraceReader::NextRecord() {
  while (std::getline(in_, line_text_)) {
    ++line_;
    if (!line_text_.empty() && line_text_.back() == '\r') line_text_.pop_back();
    if (line_text_.empty() || line_text_.front() == '#') continue;
    std::vector<std::string_view> fields;
    const std::string_view text = line_text_;
    for (std::size_t begin = 0; begin < text.size();) {
      const std::size_t end = std::min(text.find(' ', begin), text.size());
      if (end > begin) fields.push_back(text.substr(begin, end - begin));
      begin = end + 1;
    }
    if (!fields.empty()) return fields;
  }
  if (in_.bad()) Fail("read error");
  return {};
}

namespace {

// Parses a whole field as a number in `base`, or explains why not.
std::optional<std::uint64_t> ParseNumber(std::string_view field, int base) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(field.data(), field.data() + field.size(), value, base);
  if (result.ec != std::errc() || result.ptr != field.data() + field.size()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<Case> TraceReader::Next() {
  const auto number = [&](std::string_view field, int base, std::string_view what) {
    const std::optional<std::uint64_t> value = ParseNumber(field, base);
    if (!value) {
      Fail(std::string(what) + " " + Quoted(field) + " is not a " +
           (base == 10 ? "decimal" : "hexadecimal") + " 64-bit number");
    }
    return *value;
  };
  const auto expect = [&](const std::vector<std::string_view>& fields, std::string_view keyword,
                          std::size_t count, std::string_view usage) {
    if (fields.empty()) Fail("the trace ends inside a case: expected " + Quoted(keyword));
    if (fields[0] != keyword) Fail("expected " + Quoted(keyword) + ", found " + Quoted(fields[0]));
    if (count != 0 && fields.size() != count) Fail("expected " + Quoted(usage));
  };

  if (version_ == 0) {
    const std::string expected_header =
        "expected the header 'sae-trace " + std::to_string(kTraceVersion) + "'";
    const auto header = NextRecord();
    if (header.empty()) throw TraceError(1, "empty trace: " + expected_header);
    if (header[0] != "sae-trace" || header.size() != 2) Fail("not a trace: " + expected_header);
    const std::optional<std::uint64_t> version = ParseNumber(header[1], 10);
    if (!version || *version < kOldestTraceVersion || *version > kTraceVersion) {
      Fail("unsupported trace version " + Quoted(header[1]) + " (this reader knows versions " +
           SupportedVersions() + ")");
    }
    version_ = static_cast<int>(*version);
  }

  auto fields = NextRecord();
  if (fields.empty()) return std::nullopt;
  Case c;
  expect(fields, "case", 3, "case ID CLASS");
  c.id = number(fields[1], 10, "case ID");
  c.class_name = std::string(fields[2]);

  fields = NextRecord();
  expect(fields, "window", 3, "window BASE SIZE");
  c.window_base = number(fields[1], 16, "window base");
  c.window_size = number(fields[2], 16, "window size");
  if (c.window_size == 0 || c.window_size % 4 != 0 || c.window_base % 4 != 0 ||
      c.window_base + c.window_size < c.window_base || c.window_size > (std::uint64_t{1} << 32)) {
    Fail("the window must be a non-empty, 4-byte aligned range of at most 4 GiB");
  }

  fields = NextRecord();
  expect(fields, "fill", 2, "fill SEED");
  c.fill_seed = number(fields[1], 10, "fill seed");

  fields = NextRecord();
  expect(fields, "code", 0, "code ADDRESS WORD...");
  if (fields.size() < 3) Fail("expected 'code ADDRESS WORD...' with at least one word");
  c.code_address = number(fields[1], 16, "code address");
  for (std::size_t i = 2; i < fields.size(); ++i) {
    const std::uint64_t word = number(fields[i], 16, "instruction word");
    if (word > 0xffffffff) Fail("instruction word " + Quoted(fields[i]) + " has more than 32 bits");
    c.code.push_back(static_cast<std::uint32_t>(word));
  }
  if (c.code_address % 4 != 0 || c.code_address < c.window_base ||
      c.code_address - c.window_base + 4 * c.code.size() > c.window_size) {
    Fail("the code must be 4-byte aligned and inside the window");
  }

  const auto registers = [&](const std::vector<std::string_view>& record, Registers& r) {
    std::size_t field = 1;
    const auto next = [&] { return number(record[field++], 16, "register value"); };
    for (auto& x : r.x) x = next();
    r.sp = next();
    r.nzcv = next();
    r.tpidr_el0 = next();
  };
  // Version 1 has no `vin` and `vout` lines: V0-V31, FPCR and FPSR are zero.
  const auto vector_state = [&](std::string_view keyword, Registers& r) {
    if (version_ < 2) return;
    const auto record = NextRecord();
    expect(record, keyword, 1 + kVectorStateCount,
           std::string(keyword) + " V0 ... V31 FPCR FPSR (34 numbers)");
    for (std::size_t n = 0; n < r.v.size(); ++n) {
      const std::string_view field = record[1 + n];
      if (field.size() > 32) {
        Fail("V register value " + Quoted(field) + " has more than 32 hexadecimal digits");
      }
      const std::size_t high_digits = field.size() > 16 ? field.size() - 16 : 0;
      const auto low = ParseNumber(field.substr(high_digits), 16);
      const auto high = high_digits == 0 ? std::optional<std::uint64_t>(0)
                                         : ParseNumber(field.substr(0, high_digits), 16);
      if (!low || !high) {
        Fail("V register value " + Quoted(field) + " is not a hexadecimal 128-bit number");
      }
      r.v[n] = {*low, *high};
    }
    const auto status = [&](std::string_view field, std::string_view what) {
      const std::uint64_t value = number(field, 16, what);
      if (value > 0xffffffff)
        Fail(std::string(what) + " " + Quoted(field) + " has more than 32 bits");
      return static_cast<std::uint32_t>(value);
    };
    r.fpcr = status(record[33], "FPCR");
    r.fpsr = status(record[34], "FPSR");
  };

  fields = NextRecord();
  expect(fields, "in", 1 + kRegisterCount, "in X0 ... X30 SP NZCV TPIDR_EL0 (34 numbers)");
  registers(fields, c.in);
  vector_state("vin", c.in);

  fields = NextRecord();
  if (!fields.empty() && fields[0] == "out") {
    expect(fields, "out", 3 + kRegisterCount,
           "out X0 ... X30 SP NZCV TPIDR_EL0 PC STOP (35 numbers and a stop reason)");
    Outcome out;
    registers(fields, out.registers);
    out.pc = number(fields[1 + kRegisterCount], 16, "pc");
    const auto stop = std::find(std::begin(kStopNames), std::end(kStopNames), fields.back());
    if (stop == std::end(kStopNames)) {
      Fail("unknown stop reason " + Quoted(fields.back()) +
           " (stop, fault, undefined, exception or timeout)");
    }
    out.stop = static_cast<Stop>(stop - std::begin(kStopNames));
    vector_state("vout", out.registers);
    for (fields = NextRecord(); !fields.empty() && fields[0] == "write"; fields = NextRecord()) {
      expect(fields, "write", 3, "write ADDRESS BYTES");
      WrittenBytes run{number(fields[1], 16, "write address"), {}};
      const std::string_view hex = fields[2];
      if (hex.size() % 2 != 0) Fail("write bytes must be hex pairs");
      for (std::size_t i = 0; i < hex.size(); i += 2) {
        run.bytes.push_back(static_cast<std::uint8_t>(number(hex.substr(i, 2), 16, "byte")));
      }
      const std::uint64_t previous_end =
          out.writes.empty() ? 0 : out.writes.back().address + out.writes.back().bytes.size();
      if (run.address < c.window_base ||
          run.address - c.window_base + run.bytes.size() > c.window_size ||
          (!out.writes.empty() && run.address <= previous_end)) {
        Fail("writes must lie inside the window, in ascending order, separated by unwritten bytes");
      }
      out.writes.push_back(std::move(run));
    }
    c.out = std::move(out);
  }
  expect(fields, "end", 1, "end");
  return c;
}

TraceWriter::TraceWriter(std::ostream& out, std::string_view comment) : out_(out) {
  for (std::size_t begin = 0; begin < comment.size();) {
    const std::size_t end = std::min(comment.find('\n', begin), comment.size());
    out_ << "# " << comment.substr(begin, end - begin) << '\n';
    begin = end + 1;
  }
  out_ << "sae-trace " << kTraceVersion << '\n';
}

void TraceWriter::Write(const Case& c) {
  std::string text = "case " + std::to_string(c.id) + " " + c.class_name + "\nwindow " +
                     Hex(c.window_base) + " " + Hex(c.window_size) + "\nfill " +
                     std::to_string(c.fill_seed) + "\ncode " + Hex(c.code_address);
  for (const std::uint32_t word : c.code) {
    char hex[9];
    std::snprintf(hex, sizeof hex, "%08x", word);
    text += ' ';
    text += hex;
  }
  const auto registers = [&](const Registers& r) {
    for (const std::uint64_t x : r.x) text += " " + Hex(x);
    text += " " + Hex(r.sp) + " " + Hex(r.nzcv) + " " + Hex(r.tpidr_el0);
  };
  const auto vector_state = [&](const Registers& r) {
    for (const VectorRegister& v : r.v) text += " " + Hex(v);
    text += " " + Hex(r.fpcr) + " " + Hex(r.fpsr);
  };
  text += "\nin";
  registers(c.in);
  text += "\nvin";
  vector_state(c.in);
  if (c.out) {
    text += "\nout";
    registers(c.out->registers);
    text += " " + Hex(c.out->pc) + " " + std::string(StopName(c.out->stop));
    text += "\nvout";
    vector_state(c.out->registers);
    for (const WrittenBytes& run : c.out->writes) {
      text += "\nwrite " + Hex(run.address) + " ";
      for (const std::uint8_t byte : run.bytes) {
        static constexpr char kDigits[] = "0123456789abcdef";
        text += kDigits[byte >> 4];
        text += kDigits[byte & 15];
      }
    }
  }
  text += "\nend\n";
  out_ << text;
}

}  // namespace sae::fuzz
