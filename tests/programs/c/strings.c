// Strings through the C library: copies, comparisons, searching, tokens, conversions,
// formatting into buffers, and the same work on characters wider than a byte.
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static int compare(const void* a, const void* b) { return strcmp(*(char* const*)a, *(char* const*)b); }

int main(void) {
  char text[] = "the quick brown fox jumps over the lazy dog";
  printf("length %zu, first 'o' at %td, last 'o' at %td, \"the\" again at %td\n", strlen(text),
         strchr(text, 'o') - text, strrchr(text, 'o') - text, strstr(text + 1, "the") - text);
  char* words[16];
  int count = 0;
  char copy[sizeof text];
  memcpy(copy, text, sizeof text);
  for (char *save, *word = strtok_r(copy, " ", &save); word != NULL; word = strtok_r(NULL, " ", &save)) {
    words[count++] = word;
  }
  qsort(words, (size_t)count, sizeof words[0], compare);
  for (int i = 0; i < count; ++i) printf("%s%c", words[i], i + 1 < count ? ',' : '\n');
  printf("strcmp %d %d %d, strncmp %d, strcasecmp %d\n", strcmp("abc", "abd") < 0, strcmp("b", "a") > 0,
         strcmp("same", "same"), strncmp("prefix-a", "prefix-b", 6), strcasecmp("HeLLo", "hello"));
  printf("spans %zu %zu, pbrk %s\n", strspn("aaabbbccc", "ab"), strcspn("hello, world", ",!"), strpbrk(text, "xyz"));
  char buffer[64];
  memset(buffer, '.', sizeof buffer);
  memmove(buffer + 2, "overlap", 8);
  memmove(buffer + 4, buffer + 2, 8);
  printf("memmove %s, memcmp %d, memchr %s\n", buffer + 2, memcmp("abc", "abd", 3) < 0,
         (char*)memchr(text, 'z', sizeof text));
  for (char* p = text; *p; ++p) *p = (char)(isalpha((unsigned char)*p) && p[-1 + (p == text)] == ' ' ? toupper(*p) : *p);
  printf("%s\n", text);
  char* end;
  printf("strtol %ld %ld %ld, strtoul %lu, strtoll %lld\n", strtol("  -1234xyz", &end, 10), strtol("ff", NULL, 16),
         strtol("0777", NULL, 0), strtoul("4294967296", NULL, 10), strtoll("-9223372036854775808", NULL, 10));
  printf("rest \"%s\"\n", end);
  errno = 0;
  strtol("99999999999999999999", NULL, 10);
  printf("range error %d, atoi %d\n", errno == ERANGE, atoi("42abc"));
  const size_t room = (size_t)atoi("10");  // not a constant, or the compiler objects to truncating
  int written = snprintf(buffer, room, "%s-%d-%c", "truncated", 12345, 'z');
  printf("snprintf wrote %d, kept \"%s\"\n", written, buffer);
  char* joined = NULL;
  size_t size = 0;
  FILE* stream = open_memstream(&joined, &size);
  for (int i = 0; i < 5; ++i) fprintf(stream, "[%d:%s]", i, words[i]);
  fclose(stream);
  printf("memstream %zu bytes: %s\n", size, joined);
  free(joined);
  char* duplicate = strdup("duplicate");
  printf("%s %s %zu\n", duplicate, strndup("truncate", 5), strnlen("abcdef", 3));
  free(duplicate);
  const wchar_t* wide = L"wide \u00e9t\u00e9 \u65e5\u672c";
  printf("wide: %zu characters, wcschr %td\n", wcslen(wide), wcschr(wide, L'\u65e5') - wide);
  int parsed = 0, parsed2 = 0;
  char name[16];
  printf("sscanf %d", sscanf("item 12 34 name", "item %d %d %15s", &parsed, &parsed2, name));
  printf(" -> %d %d %s\n", parsed, parsed2, name);
  return 0;
}
