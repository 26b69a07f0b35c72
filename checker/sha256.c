/* SPDX-License-Identifier: MIT */
/* SHA-256 through OpenSSL's libcrypto: it uses the CPU's SHA extensions
 * where present, several times faster than portable code, and hashing every
 * filing byte is on the scan's hot path. */
#include "sha256.h"

#include <openssl/evp.h>
#include <stdio.h>

void ck_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    if (EVP_Digest(data, len, md, &md_len, EVP_sha256(), NULL) != 1 || md_len != 32) {
        out[0] = '\0';
        return;
    }
    for (unsigned int i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}
