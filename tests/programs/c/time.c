// Time through the C library, with deterministic output only: conversions of fixed instants
// between calendar forms, formatting, and clocks checked for order, not value.
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/time.h>

int main(void) {
  setenv("TZ", "UTC", 1);
  tzset();
  const time_t instants[] = {0, 951782400, 1234567890, 2147483647, 4102444800};
  for (int i = 0; i < 5; ++i) {
    struct tm broken;
    gmtime_r(&instants[i], &broken);
    char text[64];
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S %a %j %U %G-W%V", &broken);
    printf("%11lld %s, back %lld\n", (long long)instants[i], text, (long long)timegm(&broken));
  }
  struct tm date = {.tm_year = 124, .tm_mon = 1, .tm_mday = 28 + 3, .tm_hour = 25};
  const time_t normalized = mktime(&date);
  printf("2024-02-31 25:00 is %04d-%02d-%02d %02d:00, weekday %d, %lld\n", date.tm_year + 1900, date.tm_mon + 1,
         date.tm_mday, date.tm_hour, date.tm_wday, (long long)normalized);
  struct tm parsed = {0};
  strptime("1999-12-31 23:59:58", "%Y-%m-%d %H:%M:%S", &parsed);
  printf("parsed %lld\n", (long long)timegm(&parsed) + 2);

  struct timespec first, second, resolution;
  clock_gettime(CLOCK_MONOTONIC, &first);
  const struct timespec pause = {0, 2000000};
  nanosleep(&pause, NULL);
  clock_gettime(CLOCK_MONOTONIC, &second);
  const long long elapsed = (second.tv_sec - first.tv_sec) * 1000000000LL + (second.tv_nsec - first.tv_nsec);
  printf("monotonic clock advanced at least 2 ms: %d\n", elapsed >= 2000000);
  printf("resolution at most 1 ms: %d\n",
         clock_getres(CLOCK_REALTIME, &resolution) == 0 && resolution.tv_sec == 0 && resolution.tv_nsec <= 1000000);
  struct timeval now;
  gettimeofday(&now, NULL);
  printf("after 2020: %d, time() agrees: %d\n", now.tv_sec > 1577836800, labs(time(NULL) - now.tv_sec) <= 1);
  printf("process clock running: %d\n", clock() >= 0);
  return 0;
}
