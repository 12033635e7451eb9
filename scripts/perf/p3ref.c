/*
 * P3's reference: the work of P3's calls, written plainly in C, to measure what this machine needs for it.
 *
 * bench's P3 runs scenarios/perf/pipeline.swift: two workers call the embedded emulator as fast as they can with
 * the mix RegisterTargets(batch: 1...10) x 4, CreateTargetGroup x 1, BatchGetDeploymentTargets(ids: 1...25) x 3,
 * RegisterInstance(attributes: 4, pool: 1,000,000) x 2, 1 % of requests delivered twice, and every call recorded
 * in histograms and written to history.jsonl. This program does that work with no layers in between, so its CPU a
 * call shows what the work itself costs on this machine, beside the budget (2 cores / 1,000,000 calls/s =
 * 2 us a call) and bench's own cost. It is plain code written with the obvious care (keys hashed 8 bytes at a time
 * and kept in the tables' slots, JSON escaping checked 8 bytes at a time, locks that spin before they sleep), not
 * the least this machine could do.
 *
 * Each call, on THREADS threads sharing the emulated state as bench's workers do:
 *   - makes its request from a seeded generator (ids, addresses, attributes, a client token 3 calls in 10), an
 *     invocation id and a request id (UUID text), and reads the clock at the call's start, send, answer and end;
 *   - answers it as the emulator must: finds the target group, deployment or service in a hash table; registers
 *     each target of a batch (from a pool of 10,000 a group) in its group's table (one lock a group) with a record
 *     for each new one; creates a target group with a generated id, its ARN and its name and token indexed (one
 *     lock); reads up to 25 targets of a deployment by id, each one's status from the clock; checks, sorts and
 *     digests an instance's six attributes, keeps the instance, a new operation and its token, and completes the
 *     operations submitted 20 ms or more before (one lock); every state change appends an entry to the ledger
 *     (kept in memory as bench keeps it during a run: 0.9 entries a call, as bench's);
 *   - records the latency in a log-linear histogram of its thread, by operation;
 *   - writes the call's history line, with the members bench's line has (631 bytes on average, bench 633), into a
 *     64 KiB buffer of its thread, which goes to HISTORY with write() when full.
 * Nothing fails, so the retry layer is a check of the outcome.
 *
 * Usage: p3ref CALLS THREADS HISTORY [OPERATION]
 *   -> one line: "calls N seconds S cpu_us_per_call C calls_per_second R history_bytes_per_call B ledger_entries E"
 * With OPERATION (one of the four names), every call is that operation, as `bench run ... --only OPERATION` runs
 * the P3 scenario: the suite compares each operation's cost alone.
 * scripts/perf/run.py runs it in each P3 round; Tests/EndToEndTests/P3ReferenceTests.swift holds its history lines
 * to a real bench run's.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

/* ---- plumbing: clock, random, text ------------------------------------------------------------------------ */

static uint64_t now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000ull + (uint64_t)t.tv_nsec;
}

static uint64_t next(uint64_t *s) { /* SplitMix64 */
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static unsigned below(uint64_t *s, unsigned n) { return (unsigned)(((next(s) >> 32) * n) >> 32); }

static const char HEX[] = "0123456789abcdef";
static const char ALNUM[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static void uuid(uint64_t *s, char out[37]) {
    uint64_t a = next(s), b = next(s);
    int j = 0;
    for (int i = 0; i < 32; i++) {
        if (i == 8 || i == 12 || i == 16 || i == 20) out[j++] = '-';
        out[j++] = HEX[((i < 16 ? a >> (4 * i) : b >> (4 * (i - 16)))) & 15];
    }
    out[14] = '4';                /* version 4 */
    out[19] = "89ab"[b >> 62];    /* the RFC 4122 variant */
    out[36] = 0;
}

static void hex16(char out[17], uint64_t v) {
    for (int i = 0; i < 16; i++) out[i] = HEX[(v >> (4 * (15 - i))) & 15];
    out[16] = 0;
}

static void random_text(uint64_t *s, char *out, int n) {
    for (int i = 0; i < n; i++) out[i] = ALNUM[below(s, 36)];
    out[n] = 0;
}

/* 8 bytes at a time with a 128-bit multiply (wyhash's fold), as bench's ByteHash. */
static uint64_t fold(uint64_t a, uint64_t b) {
    __uint128_t r = (__uint128_t)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static uint64_t hash_bytes(const char *k, size_t n) {
    uint64_t h = 0x2d358dccaa6c78a5ull ^ n;
    for (; n >= 8; k += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, k, 8);
        h = fold(h ^ w, 0x8bb84b93962eacc9ull);
    }
    uint64_t w = 0;
    memcpy(&w, k, n);
    return fold(h ^ w, 0x4b33a62ed433d4a3ull);
}

static uint64_t hash(const char *k) { return hash_bytes(k, strlen(k)); }

/* Writes v in decimal at p, returns the length. */
static int decimal(char *p, uint64_t v) {
    char digits[20];
    int n = 0;
    do digits[n++] = (char)('0' + v % 10); while (v /= 10);
    for (int i = 0; i < n; i++) p[i] = digits[n - 1 - i];
    return n;
}

/* prefix, then v in decimal, then a NUL. */
static void prefixed(char *out, const char *prefix, uint64_t v) {
    size_t n = strlen(prefix);
    memcpy(out, prefix, n);
    out[n + (size_t)decimal(out + n, v)] = 0;
}

static int write_ipv4(char *p, uint32_t a) {
    int n = 0;
    for (int shift = 24; shift >= 0; shift -= 8) {
        n += decimal(p + n, (a >> shift) & 255);
        p[n++] = shift ? '.' : 0;
    }
    return n - 1;
}

static int valid_ipv4(const char *p) {
    int parts = 0, digits = 0, value = 0;
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            value = value * 10 + (*p - '0');
            if (++digits > 3 || value > 255) return 0;
        } else if ((*p == '.' || *p == 0) && digits) {
            parts++, digits = 0, value = 0;
            if (*p == 0) return parts == 4;
        } else
            return 0;
    }
}

/* ---- a string-keyed hash table (open addressing, doubling at 3/4), as the emulator's tables ------------------ */

/* Keys (all under 48 bytes here) sit in the slot, as Swift keeps strings of up to 15 bytes in place: a look-up
 * reads one slot, not the slot and then the key somewhere else in the heap. */
enum { KEY = 47 };
typedef struct { uint64_t hash; void *value; uint8_t length; char key[KEY]; } slot;
typedef struct { slot *slots; size_t capacity, count; } table;

/* A capacity of 0 allocates nothing until the first key: most target groups a run creates stay empty. */
static void table_init(table *t, size_t capacity) {
    t->slots = capacity ? calloc(capacity, sizeof(slot)) : NULL;
    t->capacity = capacity;
    t->count = 0;
}

static slot *table_find(table *t, const char *key, size_t n, uint64_t h) {
    size_t i = h & (t->capacity - 1);
    for (;; i = (i + 1) & (t->capacity - 1)) {
        slot *s = &t->slots[i];
        if (!s->length || (s->hash == h && s->length == n && memcmp(s->key, key, n) == 0)) return s;
    }
}

static void *table_get(table *t, const char *key) {
    if (!t->capacity) return NULL;
    size_t n = strlen(key);
    slot *s = table_find(t, key, n, hash_bytes(key, n));
    return s->length ? s->value : NULL;
}

/* Inserts or replaces; returns the previous value (NULL when the key is new). */
static void *table_put(table *t, const char *key, void *value) {
    if (4 * (t->count + 1) > 3 * t->capacity) {
        table grown;
        table_init(&grown, t->capacity ? t->capacity * 2 : 16);
        for (size_t i = 0; i < t->capacity; i++) {
            slot *old = &t->slots[i];
            if (old->length) *table_find(&grown, old->key, old->length, old->hash) = *old;
        }
        grown.count = t->count;
        free(t->slots);
        *t = grown;
    }
    size_t n = strlen(key);
    if (n == 0 || n > KEY) abort();
    uint64_t h = hash_bytes(key, n);
    slot *s = table_find(t, key, n, h);
    if (s->length) {
        void *old = s->value;
        s->value = value;
        return old;
    }
    s->hash = h, s->value = value, s->length = (uint8_t)n;
    memcpy(s->key, key, n);
    t->count++;
    return NULL;
}

/* ---- the ledger: every state change, in memory during the run ----------------------------------------------- */

/* Each worker keeps its own entries; one atomic counter orders them all. An entry's sequence is drawn under the
 * lock of the state it changes, so the entries of one resource are in the order their changes took effect. */
typedef struct {
    uint64_t sequence, time, digest;
    const char *operation, *change, *resource_type, *parent_id; /* static text, or ids kept for the run */
    char resource_id[48], token[37], request_id[37], invocation_id[37];
    int attempt;
} ledger_entry;

enum { SEGMENT = 4096 };
typedef struct { ledger_entry **segments; size_t count, segment_capacity; } ledger;
static _Atomic uint64_t ledger_sequence;

typedef struct { char request_id[37], invocation_id[37]; int attempt; ledger *ledger; } context;

static void ledger_append(const context *c, uint64_t time, const char *operation, const char *change,
                          const char *type, const char *id, const char *parent, const char *token, uint64_t digest) {
    ledger *l = c->ledger;
    if (l->count % SEGMENT == 0) {
        if (l->count / SEGMENT == l->segment_capacity) {
            l->segment_capacity = l->segment_capacity ? 2 * l->segment_capacity : 64;
            l->segments = realloc(l->segments, l->segment_capacity * sizeof(*l->segments));
        }
        l->segments[l->count / SEGMENT] = malloc(SEGMENT * sizeof(ledger_entry));
    }
    ledger_entry *e = &l->segments[l->count / SEGMENT][l->count % SEGMENT];
    l->count++;
    e->sequence = atomic_fetch_add_explicit(&ledger_sequence, 1, memory_order_relaxed) + 1;
    e->time = time, e->digest = digest, e->attempt = c->attempt;
    e->operation = operation, e->change = change, e->resource_type = type, e->parent_id = parent;
    size_t n = strlen(id);
    if (n >= sizeof e->resource_id) abort();
    memcpy(e->resource_id, id, n + 1);
    if (token) memcpy(e->token, token, 37);
    else e->token[0] = 0;
    memcpy(e->request_id, c->request_id, 37);
    memcpy(e->invocation_id, c->invocation_id, 37);
}

/* ---- the emulated state ------------------------------------------------------------------------------------- */

enum { GROUPS = 8, DEPLOYMENT_TARGETS = 200 };

typedef struct { int port, state; uint64_t registered; } target;
typedef struct { char id[21], arn[80], name[32], token[37]; pthread_mutex_t lock; table targets; } target_group;
typedef struct { char id[20]; uint64_t starts[4], ends[4]; } deployment_target;
typedef struct { char id[42], instance[32]; uint64_t submitted, digest; } operation;
enum { ATTRIBUTES = 6 };
typedef struct { char *keys[ATTRIBUTES], *values[ATTRIBUTES]; uint64_t digest; } instance;

static struct {
    pthread_mutex_t lock; /* the groups and their indexes */
    table by_id, by_name, by_token;
    target_group *fixed[GROUPS];
} lattice = {.lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP};

static struct {
    char id[12];
    table by_id; /* target id -> position + 1 */
    deployment_target targets[DEPLOYMENT_TARGETS];
} deployment;

static struct {
    pthread_mutex_t lock;
    char service[21];
    table instances, tokens;
    operation *operations;
    size_t operation_count, operation_capacity, settled;
} cloud_map = {.lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP};

static uint64_t started;

static target_group *new_group(uint64_t *s, const char *name, const char *token) {
    target_group *g = calloc(1, sizeof(*g));
    memcpy(g->id, "tg-", 3);
    random_text(s, g->id + 3, 17);
    snprintf(g->arn, sizeof g->arn, "arn:aws:vpc-lattice:us-east-1:123456789012:targetgroup/%s", g->id);
    snprintf(g->name, sizeof g->name, "%s", name);
    snprintf(g->token, sizeof g->token, "%s", token);
    g->lock = (pthread_mutex_t)PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
    table_init(&g->targets, 0);
    table_put(&lattice.by_id, g->id, g);
    table_put(&lattice.by_name, g->name, g);
    if (*token) table_put(&lattice.by_token, g->token, g);
    return g;
}

static void setup(void) {
    uint64_t s = 1;
    table_init(&lattice.by_id, 64);
    table_init(&lattice.by_name, 64);
    table_init(&lattice.by_token, 64);
    for (int i = 0; i < GROUPS; i++) {
        char name[32];
        snprintf(name, sizeof name, "setup-%d", i);
        lattice.fixed[i] = new_group(&s, name, "");
    }
    snprintf(deployment.id, sizeof deployment.id, "d-%s", "G1W74MILJ");
    table_init(&deployment.by_id, 512);
    for (intptr_t i = 0; i < DEPLOYMENT_TARGETS; i++) {
        deployment_target *t = &deployment.targets[i];
        t->id[0] = 'i', t->id[1] = '-';
        for (int j = 0; j < 17; j++) t->id[2 + j] = HEX[below(&s, 16)];
        t->id[19] = 0;
        for (int e = 0; e < 4; e++) /* four lifecycle events of 0.9 s, one a second from the start */
            t->starts[e] = (uint64_t)e * 1000000000ull, t->ends[e] = t->starts[e] + 900000000ull;
        table_put(&deployment.by_id, t->id, (void *)(i + 1));
    }
    memcpy(cloud_map.service, "srv-", 4);
    random_text(&s, cloud_map.service + 4, 16);
    table_init(&cloud_map.instances, 1024);
    table_init(&cloud_map.tokens, 1024);
    started = now_ns();
}

/* ---- history lines ------------------------------------------------------------------------------------------ */

typedef struct { char *p; } line;

static void raw(line *l, const char *s) { size_t n = strlen(s); memcpy(l->p, s, n); l->p += n; }

/* How many bytes of s[0..<n] from the start need no escaping in JSON: 8 at a time, as bench's JSONText looks. */
static size_t plain_prefix(const char *s, size_t n) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w, q, b;
        memcpy(&w, s + i, 8);
        q = w ^ (ones * '"'), b = w ^ (ones * '\\');
        if ((((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) & highs) break;
    }
    while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20) i++;
    return i;
}

/* A JSON string: the bytes copied as they are up to the first that needs escaping (none, in these lines). */
static void string(line *l, const char *s) {
    size_t n = strlen(s), plain = plain_prefix(s, n);
    *l->p++ = '"';
    memcpy(l->p, s, plain);
    l->p += plain;
    for (size_t i = plain; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') *l->p++ = '\\', *l->p++ = (char)c;
        else if (c < 0x20) l->p += sprintf(l->p, "\\u%04x", c);
        else *l->p++ = (char)c;
    }
    *l->p++ = '"';
}

static void number(line *l, uint64_t v) { l->p += decimal(l->p, v); }

static void key(line *l, const char *k) { string(l, k); *l->p++ = ':'; }

/* ---- one call ----------------------------------------------------------------------------------------------- */

typedef struct {
    uint64_t rng, histogram[4][64 * 16];
    ledger ledger;
    const deployment_target *found[25]; /* a batch read's answer: each target, and its status */
    int statuses[25];
    int fd;
    pthread_mutex_t *file_lock;
    char *buffer;
    size_t used, written;
} worker;

static void record(worker *w, int op, uint64_t ns) { /* log-linear: 16 sub-buckets per power of two */
    int power = 63 - __builtin_clzll(ns | 1);
    int sub = power >= 4 ? (int)((ns >> (power - 4)) & 15) : (int)ns & 15;
    w->histogram[op][power * 16 + sub]++;
}

static void flush(worker *w) {
    pthread_mutex_lock(w->file_lock);
    if (write(w->fd, w->buffer, w->used) != (ssize_t)w->used) abort();
    pthread_mutex_unlock(w->file_lock);
    w->written += w->used;
    w->used = 0;
}

static const char *OPERATIONS[] = {"RegisterTargets", "CreateTargetGroup", "BatchGetDeploymentTargets",
                                   "RegisterInstance"};

/* The one operation every call makes (an index into OPERATIONS), or -1 for the mix. */
static int only_operation = -1;

static void call(worker *w, uint64_t sequence) {
    uint64_t *s = &w->rng;
    unsigned pick = below(s, 10);
    int op = only_operation >= 0 ? only_operation : pick < 4 ? 0 : pick < 5 ? 1 : pick < 8 ? 2 : 3;
    uint64_t intended = now_ns() - started, start = now_ns() - started;
    context c = {.attempt = 1, .ledger = &w->ledger};
    uuid(s, c.invocation_id);
    uuid(s, c.request_id);
    char token[37] = "";
    if (op == 1 || op == 3) uuid(s, token);

    /* the request */
    char items[25][24];
    int count = 0;
    target_group *group = NULL;
    char name[32] = "";
    char *keys[ATTRIBUTES], *values[ATTRIBUTES], instance_id[32] = "", ip[16], custom[4][32];
    if (op == 0) {
        group = lattice.fixed[below(s, GROUPS)];
        count = 1 + below(s, 10);
        for (int i = 0; i < count; i++) {
            int n = write_ipv4(items[i], 0x0a000000u | below(s, 10000));
            memcpy(items[i] + n, ":80", 4);
        }
    } else if (op == 1) {
        prefixed(name, "bench-", sequence);
    } else if (op == 2) {
        count = 1 + below(s, 25);
        for (int i = 0; i < count; i++) memcpy(items[i], deployment.targets[below(s, DEPLOYMENT_TARGETS)].id, 20);
    } else {
        unsigned slot = below(s, 1000000);
        prefixed(instance_id, "instance-", slot);
        write_ipv4(ip, 0x0a000000u | (slot & 0xffffff));
        keys[0] = "AWS_INSTANCE_IPV4", values[0] = ip;
        keys[1] = "AWS_INSTANCE_PORT", values[1] = "8080";
        static char *const custom_keys[4] = {"attr0", "attr1", "attr2", "attr3"};
        for (int i = 0; i < 4; i++) {
            prefixed(custom[i], "value-", sequence);
            size_t n = strlen(custom[i]);
            custom[i][n] = '-', custom[i][n + 1] = (char)('0' + i), custom[i][n + 2] = 0;
            keys[2 + i] = custom_keys[i], values[2 + i] = custom[i];
        }
    }

    /* the attempt: delivered twice 1 time in 100, the second an idempotent replay */
    uint64_t intended_send = now_ns() - started, send = now_ns() - started;
    char answer_id[42] = "", answer_arn[80] = "";
    uint64_t digest = 0; /* of the parameters (CreateTargetGroup) or of the attributes (RegisterInstance) */
    if (op == 1) digest = hash(name) ^ hash("IP|HTTP|80|IPV4|vpc-0123456789abcdef0");
    int deliveries = below(s, 100) == 0 ? 2 : 1;
    for (int delivery = 0; delivery < deliveries; delivery++) {
        uint64_t now = now_ns() - started;
        if (op == 0) {
            pthread_mutex_lock(&group->lock);
            for (int i = 0; i < count; i++) {
                char address[16];
                size_t n = strchr(items[i], ':') - items[i];
                memcpy(address, items[i], n);
                address[n] = 0;
                if (!valid_ipv4(address)) abort();
                target *t = table_get(&group->targets, items[i]);
                if (!t) {
                    t = malloc(sizeof *t);
                    t->port = 80, t->state = 1, t->registered = now;
                    table_put(&group->targets, items[i], t);
                    ledger_append(&c, now, "RegisterTargets", "registered", "Target", items[i], group->id, NULL, 0);
                }
            }
            pthread_mutex_unlock(&group->lock);
        } else if (op == 1) {
            if (strlen(name) > 128) abort();
            pthread_mutex_lock(&lattice.lock);
            target_group *g = table_get(&lattice.by_token, token);
            if (!g && table_get(&lattice.by_name, name)) abort(); /* a conflict: never in this mix */
            if (!g) {
                g = new_group(s, name, token);
                ledger_append(&c, now, "CreateTargetGroup", "created", "TargetGroup", g->id, NULL, g->token,
                              digest);
            }
            memcpy(answer_id, g->id, 21);
            memcpy(answer_arn, g->arn, sizeof answer_arn);
            pthread_mutex_unlock(&lattice.lock);
        } else if (op == 2) {
            for (int i = 0; i < count; i++) {
                intptr_t position = (intptr_t)table_get(&deployment.by_id, items[i]);
                if (!position) abort();
                const deployment_target *t = w->found[i] = &deployment.targets[position - 1];
                int status = 0; /* lifecycle events started and ended by now */
                for (int e = 0; e < 4; e++) status += (now >= t->starts[e]) + (now >= t->ends[e]);
                w->statuses[i] = status;
            }
        } else {
            int order[ATTRIBUTES] = {0, 1, 2, 3, 4, 5};
            for (int i = 0; i < ATTRIBUTES; i++) {
                if (strlen(keys[i]) > 255 || strlen(values[i]) > 1024) abort();
                if (strncmp(keys[i], "AWS_", 4) == 0 && strcmp(keys[i], "AWS_INSTANCE_IPV4") == 0 &&
                    !valid_ipv4(values[i]))
                    abort();
            }
            for (int i = 1; i < ATTRIBUTES; i++) /* insertion sort by key */
                for (int j = i; j > 0 && strcmp(keys[order[j - 1]], keys[order[j]]) > 0; j--) {
                    int t = order[j];
                    order[j] = order[j - 1], order[j - 1] = t;
                }
            digest = hash(cloud_map.service) ^ hash(instance_id);
            for (int i = 0; i < ATTRIBUTES; i++)
                digest = digest * 31 + hash(keys[order[i]]) * 7 + hash(values[order[i]]);
            pthread_mutex_lock(&cloud_map.lock);
            for (; cloud_map.settled < cloud_map.operation_count &&
                   cloud_map.operations[cloud_map.settled].submitted + 20000000ull <= now;
                 cloud_map.settled++)
                ledger_append(&c, now, "RegisterInstance", "operationSucceeded", "Operation",
                              cloud_map.operations[cloud_map.settled].id, cloud_map.service, NULL, 0);
            operation *known = table_get(&cloud_map.tokens, token);
            if (known) {
                memcpy(answer_id, known->id, 42);
            } else {
                instance *record = malloc(sizeof *record);
                for (int i = 0; i < ATTRIBUTES; i++)
                    record->keys[i] = strdup(keys[i]), record->values[i] = strdup(values[i]);
                record->digest = digest;
                instance *old = table_put(&cloud_map.instances, instance_id, record);
                if (old) {
                    for (int i = 0; i < ATTRIBUTES; i++) free(old->keys[i]), free(old->values[i]);
                    free(old);
                }
                if (cloud_map.operation_count == cloud_map.operation_capacity) {
                    size_t capacity = cloud_map.operation_capacity ? 2 * cloud_map.operation_capacity : 1024;
                    cloud_map.operations = realloc(cloud_map.operations, capacity * sizeof(operation));
                    cloud_map.operation_capacity = capacity;
                }
                operation *o = &cloud_map.operations[cloud_map.operation_count++];
                random_text(s, o->id, 32);
                o->id[32] = '-';
                random_text(s, o->id + 33, 8);
                memcpy(o->instance, instance_id, sizeof o->instance);
                o->submitted = now, o->digest = digest;
                /* positions move when the array grows, so the token keeps a copy of the id it answered */
                operation *kept = malloc(sizeof *kept);
                *kept = *o;
                table_put(&cloud_map.tokens, token, kept);
                memcpy(answer_id, o->id, 42);
                ledger_append(&c, now, "RegisterInstance", "operationSubmitted", "Operation", o->id,
                              cloud_map.service, token, digest);
                ledger_append(&c, now, "RegisterInstance", old ? "updated" : "registered", "Instance", instance_id,
                              cloud_map.service, token, digest);
            }
            pthread_mutex_unlock(&cloud_map.lock);
        }
    }
    uint64_t answered = now_ns() - started;
    int ok = 1; /* the retry layer: nothing here fails, so it checks the outcome once */
    uint64_t end = now_ns() - started;
    record(w, op, end - intended);

    /* the history line */
    if (w->used > (64 << 10) - 2048) flush(w);
    line l = {w->buffer + w->used};
    raw(&l, "{");
    key(&l, "answer");
    raw(&l, "{");
    if (op == 1) key(&l, "arn"), string(&l, answer_arn), raw(&l, ","), key(&l, "id"), string(&l, answer_id);
    if (op == 2) key(&l, "targetTypes"), raw(&l, "[\"InstanceTarget\"]");
    if (op == 3) key(&l, "operationId"), string(&l, answer_id);
    raw(&l, "},");
    key(&l, "attempts");
    raw(&l, "[{");
    key(&l, "actualSend"), number(&l, send), raw(&l, ",");
    key(&l, "end"), number(&l, answered), raw(&l, ",");
    key(&l, "intendedSend"), number(&l, intended_send), raw(&l, ",");
    key(&l, "number"), number(&l, 1), raw(&l, ",");
    key(&l, "requestId"), string(&l, c.request_id);
    if (*token) raw(&l, ","), key(&l, "token"), string(&l, token);
    raw(&l, "}],");
    key(&l, "end"), number(&l, end), raw(&l, ",");
    key(&l, "intendedStart"), number(&l, intended), raw(&l, ",");
    key(&l, "invocationId"), string(&l, c.invocation_id), raw(&l, ",");
    key(&l, "operation"), string(&l, OPERATIONS[op]), raw(&l, ",");
    key(&l, "outcome"), string(&l, ok ? "ok" : "fail"), raw(&l, ",");
    char digest_text[17];
    hex16(digest_text, digest);
    if (op == 1) key(&l, "parameterDigest"), string(&l, digest_text), raw(&l, ",");
    key(&l, "phase"), string(&l, "full-speed"), raw(&l, ",");
    key(&l, "sequence"), number(&l, sequence), raw(&l, ",");
    key(&l, "service"), string(&l, op == 3 ? "servicediscovery" : op == 2 ? "codedeploy" : "vpc-lattice");
    raw(&l, ",");
    key(&l, "start"), number(&l, start), raw(&l, ",");
    key(&l, "subject"), raw(&l, "{");
    if (op == 1) {
        key(&l, "name"), string(&l, name);
    } else {
        if (op == 3) key(&l, "attributesDigest"), string(&l, digest_text), raw(&l, ",");
        key(&l, "items"), raw(&l, "[");
        if (op == 3) string(&l, instance_id);
        for (int i = 0; i < count; i++) {
            if (i) raw(&l, ",");
            string(&l, items[i]);
        }
        raw(&l, "],");
        key(&l, "resource"), string(&l, op == 0 ? group->id : op == 2 ? deployment.id : cloud_map.service);
    }
    raw(&l, "}");
    if (*token) raw(&l, ","), key(&l, "token"), string(&l, token);
    raw(&l, "}\n");
    w->used = (size_t)(l.p - w->buffer);
}

typedef struct { worker *w; uint64_t first, count; } job;

static void *run(void *argument) {
    job *j = argument;
    for (uint64_t i = 0; i < j->count; i++) call(j->w, j->first + i);
    flush(j->w);
    return NULL;
}

static double cpu_seconds(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return (double)u.ru_utime.tv_sec + (double)u.ru_stime.tv_sec +
           ((double)u.ru_utime.tv_usec + (double)u.ru_stime.tv_usec) / 1e6;
}

int main(int argc, char **argv) {
    long calls = argc == 4 || argc == 5 ? atol(argv[1]) : 0, threads = argc == 4 || argc == 5 ? atol(argv[2]) : 0;
    if (argc == 5)
        for (int o = 0; o < 4; o++)
            if (strcmp(argv[4], OPERATIONS[o]) == 0) only_operation = o;
    if (calls < 1 || threads < 1 || threads > 64 || (argc == 5 && only_operation < 0)) {
        fprintf(stderr, "usage: p3ref CALLS THREADS HISTORY [OPERATION] (CALLS >= 1, THREADS 1...64, OPERATION one "
                        "of RegisterTargets, CreateTargetGroup, BatchGetDeploymentTargets, RegisterInstance)\n");
        return 2;
    }
    int fd = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    if (fd < 0) {
        perror(argv[3]);
        return 1;
    }
    setup();
    pthread_mutex_t file_lock = PTHREAD_ADAPTIVE_MUTEX_INITIALIZER_NP;
    worker *workers = calloc((size_t)threads, sizeof(worker));
    job *jobs = calloc((size_t)threads, sizeof(job));
    pthread_t *ids = calloc((size_t)threads, sizeof(pthread_t));
    double cpu = cpu_seconds();
    uint64_t began = now_ns();
    for (long t = 0; t < threads; t++) {
        workers[t] = (worker){.rng = 1000 + (uint64_t)t, .fd = fd, .file_lock = &file_lock,
                              .buffer = malloc(64 << 10)};
        uint64_t first = (uint64_t)(calls * t / threads), last = (uint64_t)(calls * (t + 1) / threads);
        jobs[t] = (job){&workers[t], first, last - first};
        pthread_create(&ids[t], NULL, run, &jobs[t]);
    }
    size_t bytes = 0, entries = 0;
    for (long t = 0; t < threads; t++)
        pthread_join(ids[t], NULL), bytes += workers[t].written, entries += workers[t].ledger.count;
    double seconds = (double)(now_ns() - began) / 1e9;
    cpu = cpu_seconds() - cpu;
    printf("calls %ld seconds %.3f cpu_us_per_call %.3f calls_per_second %.0f history_bytes_per_call %.0f "
           "ledger_entries %zu\n",
           calls, seconds, cpu * 1e6 / (double)calls, (double)calls / seconds, (double)bytes / (double)calls,
           entries);
    return 0;
}
