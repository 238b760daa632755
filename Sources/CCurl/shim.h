#ifndef MFSH_CCURL_SHIM_H
#define MFSH_CCURL_SHIM_H
/* libcurl's types and constants, and trampolines for its variadic calls. The functions themselves
   are looked up with dlopen/dlsym on first use (Sources/HTTP/Curl.swift), so that libcurl and its
   TLS stack are not loaded by mfsh processes that never leave the local disk. Nothing here links. */
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call a C variadic function,
   and calling one through a non-variadic pointer type is not the platform's calling convention.
   These call the looked-up pointer as the variadic function it is. */
typedef CURLcode (*mfsh_curl_setopt_fn)(CURL *, CURLoption, ...);
typedef CURLcode (*mfsh_curl_getinfo_fn)(CURL *, CURLINFO, ...);
typedef CURLMcode (*mfsh_curl_multi_setopt_fn)(CURLM *, CURLMoption, ...);

static inline CURLcode mfsh_curl_setopt_long(void *fn, CURL *h, CURLoption o, long v) {
    return ((mfsh_curl_setopt_fn)fn)(h, o, v);
}
static inline CURLcode mfsh_curl_setopt_pointer(void *fn, CURL *h, CURLoption o, const void *v) {
    return ((mfsh_curl_setopt_fn)fn)(h, o, v);
}
static inline CURLcode mfsh_curl_setopt_offset(void *fn, CURL *h, CURLoption o, curl_off_t v) {
    return ((mfsh_curl_setopt_fn)fn)(h, o, v);
}
static inline CURLcode mfsh_curl_setopt_write(void *fn, CURL *h, CURLoption o,
                                              size_t (*cb)(char *, size_t, size_t, void *)) {
    return ((mfsh_curl_setopt_fn)fn)(h, o, cb);
}
static inline CURLcode mfsh_curl_getinfo_long(void *fn, CURL *h, CURLINFO i, long *out) {
    return ((mfsh_curl_getinfo_fn)fn)(h, i, out);
}
static inline CURLcode mfsh_curl_getinfo_pointer(void *fn, CURL *h, CURLINFO i, void **out) {
    return ((mfsh_curl_getinfo_fn)fn)(h, i, out);
}
static inline CURLMcode mfsh_curl_multi_setopt_long(void *fn, CURLM *m, CURLMoption o, long v) {
    return ((mfsh_curl_multi_setopt_fn)fn)(m, o, v);
}
#endif
