/* SPDX-License-Identifier: MIT */
#ifndef CK_TEXTNORM_H
#define CK_TEXTNORM_H
/*
 * Text normalisation for rule matching: deal documents write the same
 * number, the same denial and the same debtor in many ways, and rules
 * should compare facts, not spellings.
 *
 * - ck_textnorm: full-width digits/letters/％/． to ASCII; Chinese and
 *   financial numerals (六点五, 伍仟万, 二〇二八) to Arabic where they stand
 *   as quantities (before a unit such as 年/月/元/倍/吨, after 第, or in
 *   百分之/千分之/万分之 forms, which become "N%"); digit grouping commas
 *   dropped. Sentence punctuation (，。；：！？) is kept as it is, so
 *   sentence boundaries do not move.
 * - ck_textnorm_rate / _amount: the first percentage (as a fraction) or
 *   money amount (in yuan) of a text, NaN when there is none.
 * - ck_textnorm_negated: whether a position of a text lies in the scope of
 *   a denial (未发生/不存在/无/不得 …). The scope runs item by item over an
 *   enumeration up to the end of the sentence, and over a ；-separated list
 *   opened by a colon up to the next 。; it stops at an adversative
 *   (但/但是/然而/此外 …) or at a comma that opens a clause with a new party
 *   as its subject. A proposal withdrawn later in its sentence
 *   (……条款，经讨论予以否决 / 未予采纳 / 已删除) is denied as well.
 * - ck_textnorm_obligor: the kind of party that owes the obligation found
 *   at a position ("由某城投按本金加溢价回购" → "platform").
 *
 * Memory: every function reads its input and writes only into the
 * caller's buffer; nothing is kept between calls.
 */
#include "buf.h"

#include <stddef.h>

/* Appends the normalised form of in[0..len) to out. */
void ck_textnorm(const char *in, size_t len, struct ck_buf *out);

/* The first percentage of the (raw or normalised) text as a fraction
 * ("年化6.5%" → 0.065, "百分之六点五" → 0.065), NaN if none. */
double ck_textnorm_rate(const char *text);

/* The first money amount in yuan ("人民币伍仟万元整" → 5e7, "600万元" → 6e6,
 * "1.2亿元" → 1.2e8, "125000000.00元" → 1.25e8), NaN if none. */
double ck_textnorm_amount(const char *text);

/* 1 if byte offset pos of text[0..len) (normalised text) is inside a denial
 * scope as described above, else 0. */
int ck_textnorm_negated(const char *text, size_t len, size_t pos);

/* The same for a match [start, end): the scope is judged at the match's
 * last character, and a denial that begins exactly at start does not count
 * (a pattern that begins with 不承担 owns its own negation). */
int ck_textnorm_negated_span(const char *text, size_t len, size_t start, size_t end);

/* How far back (bytes) a denial is looked for: about 600 Chinese characters. */
#define CK_TEXTNORM_SCOPE_BYTES 1800

/* Party kinds, as the tokens rules test. */
#define CK_PARTY_KINDS "government platform soe fund investee founder manager social-capital"

/* The kind of party owing the obligation at byte range [pos, end) of the
 * sentence text[0..len): the party after 由, else the last party named
 * inside the match (the subject of its verb: "期满后，某城投回购"), else the
 * nearest party before pos; never the object of 向/对/为/给 nor a
 * possessive (本基金份额, 社会出资人实缴出资).
 * Returns a static string from CK_PARTY_KINDS, or "" when no party is named. */
const char *ck_textnorm_obligor(const char *text, size_t len, size_t pos, size_t end);

/* The size condition of a catalogue entry ("1000吨/年以下的松香生产项目",
 * "单线5万立方米/年以下", "小于10万千瓦") against the quantities of a business
 * text: "none" (the entry states no size bound), "inside" (the text states a
 * quantity in the same unit that meets the bound: the entry applies),
 * "outside" (it states one that does not), "unknown" (the entry has a bound,
 * the text no quantity in that unit: cannot determine). The bound is
 * inclusive for 以下/以上/以内 (as in Chinese legal usage) and strict for
 * 小于/低于/不足/大于/超过. When why is not NULL the quantities are appended
 * ("500 吨 / 1000 吨", or the bound alone). */
const char *ck_textnorm_size_fit(const char *entry, const char *text, struct ck_buf *why);

/* Registers the fc: functions over normalised text (textnorm_xpath.c) on an
 * xmlXPathContextPtr; called by ck_xfunc_register. Returns CK_OK. */
int ck_textnorm_register_xpath(void *xpath_context);

#endif
