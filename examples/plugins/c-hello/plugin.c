/*
 * c-hello: a veracity verdict plugin in C, written from docs/plugins.md.
 *
 * It rates nothing: every claim gets an unverified verdict that says so.
 * It shows the whole ABI: the handshake, the manifest, reading a request,
 * answering with a verdict or an error envelope, and freeing buffers.
 *
 * Build:  cc -shared -fPIC -o libc_hello.so plugin.c
 * Use:    veracity plugins list --plugin ./libc_hello.so
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct VeracityBuffer {
    uint8_t *ptr;
    size_t len;
    size_t cap;
} VeracityBuffer;

/* A buffer holding a copy of text (malloc'd; freed by veracity_plugin_free). */
static VeracityBuffer buffer_from(const char *text, size_t len) {
    VeracityBuffer buffer = {NULL, 0, 0};
    uint8_t *bytes = malloc(len > 0 ? len : 1);
    if (bytes == NULL) {
        return buffer; /* the null buffer: "no answer" */
    }
    memcpy(bytes, text, len);
    buffer.ptr = bytes;
    buffer.len = len;
    buffer.cap = len;
    return buffer;
}

static VeracityBuffer error_envelope(const char *message) {
    /* message must not need JSON escaping */
    char json[512];
    int n = snprintf(json, sizeof json, "{\"error\":{\"message\":\"%s\"}}", message);
    if (n < 0 || (size_t)n >= sizeof json) {
        static const char fallback[] = "{\"error\":{\"message\":\"c-hello: message too long\"}}";
        return buffer_from(fallback, sizeof fallback - 1);
    }
    return buffer_from(json, (size_t)n);
}

uint32_t veracity_plugin_abi_version(void) {
    return 1;
}

VeracityBuffer veracity_plugin_manifest(void) {
    static const char manifest[] =
        "{\"name\":\"c-hello\",\"kind\":\"verdict\",\"version\":\"0.1.0\","
        "\"schema_version\":\"1\","
        "\"description\":\"A verdict plugin in C that rates nothing (an ABI example)\"}";
    return buffer_from(manifest, sizeof manifest - 1);
}

/* Skips JSON white space. */
static const char *skip_ws(const char *p, const char *end) {
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) {
        p++;
    }
    return p;
}

/*
 * Finds `"key"` followed by `:` in [p, end) and returns the position after
 * the colon and any white space, or NULL. JSON escapes every quote inside a
 * string, so an unescaped `"key"` followed by a colon is always a key.
 */
static const char *find_key(const char *p, const char *end, const char *key) {
    size_t key_len = strlen(key);
    for (; p + key_len + 2 <= end; p++) {
        if (p[0] == '"' && memcmp(p + 1, key, key_len) == 0 && p[key_len + 1] == '"') {
            const char *q = skip_ws(p + key_len + 2, end);
            if (q < end && *q == ':') {
                return skip_ws(q + 1, end);
            }
        }
    }
    return NULL;
}

VeracityBuffer veracity_plugin_call(const uint8_t *request_ptr, size_t request_len) {
    const char *start = (const char *)request_ptr;
    const char *end = start + request_len;

    const char *method = find_key(start, end, "method");
    if (method == NULL || end - method < 9 || memcmp(method, "\"verdict\"", 9) != 0) {
        return error_envelope("c-hello is a verdict plugin; it answers only verdict requests");
    }

    /* params.claim is the only object-valued "claim"; its "id" is a plain string. */
    const char *claim = find_key(start, end, "claim");
    while (claim != NULL && *claim != '{') {
        claim = find_key(claim, end, "claim");
    }
    const char *id = claim ? find_key(claim, end, "id") : NULL;
    if (id == NULL || *id != '"') {
        return error_envelope("c-hello: the request has no claim id");
    }
    const char *id_start = id + 1;
    const char *id_end = memchr(id_start, '"', (size_t)(end - id_start));
    if (id_end == NULL || id_end - id_start > 200) {
        return error_envelope("c-hello: the claim id is malformed");
    }

    char json[1024];
    int n = snprintf(json, sizeof json,
                     "{\"ok\":{\"type\":\"verdict\",\"verdict\":{"
                     "\"claim\":\"%.*s\","
                     "\"rating\":{\"label\":\"Unverified\",\"scale\":\"veracity\",\"class\":\"unverified\"},"
                     "\"confidence\":0,"
                     "\"engine\":\"c-hello\","
                     "\"support\":0,\"refutation\":0,"
                     "\"evidence\":[],"
                     "\"explanation\":\"Hello from C: c-hello rates no claims; it shows the plugin ABI.\""
                     "}}}",
                     (int)(id_end - id_start), id_start);
    if (n < 0 || (size_t)n >= sizeof json) {
        return error_envelope("c-hello: the answer did not fit");
    }
    return buffer_from(json, (size_t)n);
}

void veracity_plugin_free(VeracityBuffer buffer) {
    free(buffer.ptr);
}
