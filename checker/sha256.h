/* SPDX-License-Identifier: MIT */
#ifndef CK_SHA256_H
#define CK_SHA256_H
/* SHA-256 (FIPS 180-4) of a byte range, as 64 lowercase hex digits + NUL:
 * the content hash that makes `scan` idempotent. */
#include <stddef.h>

void ck_sha256_hex(const void *data, size_t len, char out[65]);

#endif
