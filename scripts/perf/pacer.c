/*
 * P5's floor: the schedule lag of the simplest possible open-model pacer on this machine.
 *
 * It wakes at each intended time of a constant-rate schedule (RATE per second for SECONDS seconds) with
 * clock_nanosleep(TIMER_ABSTIME) and 1 ns of timer slack, does no work, and records how late it woke. Whatever this
 * shows (scheduler latency, other processes, the hypervisor) no program that sleeps between operations can beat;
 * scripts/perf/run.py runs it right after bench's P5 run and reports bench's p99 lag against it.
 *
 * Usage: pacer RATE SECONDS   -> one line: "p50 X p90 X p99 X p999 X max X" in microseconds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <time.h>

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static int compare(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    double rate = argc > 1 ? atof(argv[1]) : 0, seconds = argc > 2 ? atof(argv[2]) : 0;
    if (rate < 1 || rate > 1e6 || seconds <= 0 || seconds > 600) {
        fprintf(stderr, "usage: pacer RATE(1..1000000) SECONDS(0..600]\n");
        return 2;
    }
    prctl(PR_SET_TIMERSLACK, 1UL);  /* the default 50 us slack would be most of a 50 us interval */
    size_t count = (size_t)(rate * seconds);
    uint64_t *lag = malloc(count * sizeof *lag);
    if (lag == NULL) return 1;
    uint64_t start = now_ns() + 1000000;
    for (size_t i = 0; i < count; i++) {
        uint64_t due = start + (uint64_t)((double)i * 1e9 / rate);
        struct timespec at = {(time_t)(due / 1000000000ull), (long)(due % 1000000000ull)};
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &at, NULL) != 0) {}
        uint64_t woke = now_ns();
        lag[i] = woke > due ? woke - due : 0;
    }
    qsort(lag, count, sizeof *lag, compare);
    printf("p50 %.1f p90 %.1f p99 %.1f p999 %.1f max %.1f\n", lag[count / 2] / 1e3, lag[count * 9 / 10] / 1e3,
           lag[count * 99 / 100] / 1e3, lag[count * 999 / 1000] / 1e3, lag[count - 1] / 1e3);
    free(lag);
    return 0;
}
